#pragma once

#include <QString>
#include <QtGlobal>

#include <random>

namespace onewindow::demo {

// SplitMix64: mixes a seed and stream numbers into a well-spread 64-bit value (seeds per case).
constexpr quint64 mix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

constexpr quint64 mixSeed(quint64 seed, quint64 stream, quint64 salt)
{
    return mix64(mix64(seed ^ mix64(salt)) + stream);
}

// The demo generator's randomness: a seeded std::mt19937_64 with its own small helpers, so the
// same seed gives the same hall on every platform (std::uniform_*_distribution is not portable).
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed) : m_engine(seed) {}

    quint64 next() { return m_engine(); }
    // 0 <= x < n (n > 0).
    int below(int n) { return static_cast<int>(m_engine() % static_cast<quint64>(n)); }
    // lo <= x <= hi.
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    double unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    template <typename T, std::size_t N>
    const T& pick(const T (&list)[N])
    {
        return list[below(static_cast<int>(N))];
    }
    // Index into `weights` (non-negative, not all zero) with probability proportional to weight.
    template <typename Container>
    int weighted(const Container& weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = unit() * total;
        int i = 0;
        for (double w : weights) {
            if (x < w)
                return i;
            x -= w;
            ++i;
        }
        return i - 1;
    }

private:
    std::mt19937_64 m_engine;
};

// A UUIDv7 (RFC 9562) like store::newUuidV7, with its random bits from `random`: 48 bits of
// Unix milliseconds, version 7, variant 10.
QString seededUuidV7(qint64 unixMs, DemoRandom& random);

} // namespace onewindow::demo
