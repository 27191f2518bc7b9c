#pragma once

#include <QRandomGenerator>

#include <algorithm>

namespace onewindow::sync {

// How long to wait before the next try after a failure: 1 s growing to 60 s (doubling), with
// jitter, so a hall's windows coming back after the server's restart do not knock all at once.
// Each wait is drawn from [base/2, base] of the current step; a success starts again at 1 s.
class Backoff
{
public:
    static constexpr int kFirstMs = 1000;
    static constexpr int kLastMs = 60000;

    explicit Backoff(quint32 seed = QRandomGenerator::global()->generate()) : m_random(seed) {}

    int nextMs()
    {
        const int base = m_step;
        m_step = std::min(kLastMs, m_step * 2);
        return base / 2 + static_cast<int>(m_random.bounded(base / 2 + 1));
    }
    void reset() { m_step = kFirstMs; }
    int stepMs() const { return m_step; }

private:
    QRandomGenerator m_random;
    int m_step = kFirstMs;
};

} // namespace onewindow::sync
