#include "core/Astronomy.h"

#include <cmath>
#include <numbers>

namespace onewindow::core::astronomy {

namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kJ2000 = 2451545.0;

double sinDeg(double degrees)
{
    return std::sin(std::fmod(degrees, 360.0) * kDegree);
}

double normalized(double degrees)
{
    const double d = std::fmod(degrees, 360.0);
    return d < 0 ? d + 360.0 : d;
}

} // namespace

double newMoonJde(int k)
{
    // Meeus (49.1)-(49.7): the mean new moon, then the periodic terms and the planetary arguments.
    const double kk = k;
    const double t = kk / 1236.85;
    const double t2 = t * t;
    const double t3 = t2 * t;
    const double t4 = t3 * t;
    double jde =
        2451550.09766 + 29.530588861 * kk + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    const double e = 1.0 - 0.002516 * t - 0.0000074 * t2;
    const double m = 2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3;
    const double mp =
        201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
    const double f =
        160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
    const double om = 124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3;

    jde += -0.40720 * sinDeg(mp) + 0.17241 * e * sinDeg(m) + 0.01608 * sinDeg(2 * mp) +
           0.01039 * sinDeg(2 * f) + 0.00739 * e * sinDeg(mp - m) - 0.00514 * e * sinDeg(mp + m) +
           0.00208 * e * e * sinDeg(2 * m) - 0.00111 * sinDeg(mp - 2 * f) -
           0.00057 * sinDeg(mp + 2 * f) + 0.00056 * e * sinDeg(2 * mp + m) -
           0.00042 * sinDeg(3 * mp) + 0.00042 * e * sinDeg(m + 2 * f) +
           0.00038 * e * sinDeg(m - 2 * f) - 0.00024 * e * sinDeg(2 * mp - m) -
           0.00017 * sinDeg(om) - 0.00007 * sinDeg(mp + 2 * m) + 0.00004 * sinDeg(2 * mp - 2 * f) +
           0.00004 * sinDeg(3 * m) + 0.00003 * sinDeg(mp + m - 2 * f) +
           0.00003 * sinDeg(2 * mp + 2 * f) - 0.00003 * sinDeg(mp + m + 2 * f) +
           0.00003 * sinDeg(mp - m + 2 * f) - 0.00002 * sinDeg(mp - m - 2 * f) -
           0.00002 * sinDeg(3 * mp + m) + 0.00002 * sinDeg(4 * mp);

    struct Planetary
    {
        double base, perK, coefficient;
    };
    static constexpr Planetary planetary[] = {
        {299.77, 0.107408, 0.000325},  {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
        {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
        {207.14, 2.453732, 0.000060},  {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
        {207.19, 0.121824, 0.000042},  {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
        {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023},
    };
    for (std::size_t i = 0; i < std::size(planetary); ++i) {
        double a = planetary[i].base + planetary[i].perK * kk;
        if (i == 0)
            a -= 0.009173 * t2; // A1 has a T² term
        jde += planetary[i].coefficient * sinDeg(a);
    }
    return jde;
}

int lunationNear(double jd)
{
    return static_cast<int>(std::lround((jd - 2451550.09766) / 29.530588861));
}

double solarLongitude(double jde)
{
    // Meeus (25.2)-(25.8): mean longitude, equation of the centre, then nutation and aberration.
    const double t = (jde - kJ2000) / 36525.0;
    const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    const double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
    const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sinDeg(m) +
                     (0.019993 - 0.000101 * t) * sinDeg(2 * m) + 0.000289 * sinDeg(3 * m);
    const double omega = 125.04 - 1934.136 * t;
    return normalized(l0 + c - 0.00569 - 0.00478 * sinDeg(omega));
}

double solarTermJde(int year, double degrees)
{
    // Start from the mean date: the Sun moves about 360/365.2422 degrees a day from the March
    // equinox (about 03-20) on.
    double jde = QDate(year, 3, 20).toJulianDay() + normalized(degrees) * 365.2422 / 360.0;
    for (int i = 0; i < 10; ++i) {
        double diff = degrees - solarLongitude(jde);
        diff = std::remainder(diff, 360.0); // -180..180
        const double step = diff * 365.2422 / 360.0;
        jde += step;
        if (std::abs(step) < 1e-7)
            break;
    }
    return jde;
}

double deltaTSeconds(double year)
{
    if (year < 2050) {
        const double t = year - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    const double u = (year - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

QDate beijingDate(double jde)
{
    const double year = 2000.0 + (jde - kJ2000) / 365.25;
    const double utc = jde - deltaTSeconds(year) / 86400.0;
    // A Julian day begins at noon UT; the civil day at midnight, 8 hours earlier in Beijing.
    return QDate::fromJulianDay(static_cast<qint64>(std::floor(utc + 0.5 + 8.0 / 24.0)));
}

} // namespace onewindow::core::astronomy
