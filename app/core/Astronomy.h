#pragma once

#include <QDate>

namespace onewindow::core::astronomy {

// The few astronomical moments the statutory holidays need, after Jean Meeus, "Astronomical
// Algorithms" (2nd ed., 1998). Moments are Julian Ephemeris Days (TT); civil dates are Beijing
// time (UTC+8), the time of the Chinese calendar (GB/T 33661-2017).

// The new moon of lunation k (k = 0: 2000-01-06; Meeus ch. 49, periodic and planetary terms;
// within a minute of the true conjunction).
double newMoonJde(int k);
// The lunation whose new moon is nearest to the Julian day `jd`.
int lunationNear(double jd);

// The Sun's apparent geometric longitude in degrees [0, 360) at a moment (Meeus ch. 25, low
// accuracy: about 0.01 degree, a quarter of an hour in time).
double solarLongitude(double jde);
// The moment in the year the Sun's apparent longitude reaches `degrees` (Newton steps on the
// longitude above). 15 degrees is 清明.
double solarTermJde(int year, double degrees);

// ΔT = TT - UT in seconds (Espenak and Meeus polynomials, 2005-2150).
double deltaTSeconds(double year);
// The civil date in Beijing (UTC+8) of a moment given in TT.
QDate beijingDate(double jde);

} // namespace onewindow::core::astronomy
