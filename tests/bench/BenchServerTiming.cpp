#include "BenchServerTiming.h"

#include <QList>

#include <algorithm>
#include <cstdio>

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

void PushTimings::add(double latencyMs, const QByteArray& head)
{
    m_latency.push_back(latencyMs);
    QByteArray timing;
    for (const QByteArray& line : head.split('\n'))
        if (line.toLower().startsWith("server-timing:"))
            timing = line.mid(14).trimmed();
    if (timing.isEmpty())
        return; // a server without the header (an older build): the total only
    double inside = 0;
    for (const QByteArray& part : timing.split(',')) {
        const QList<QByteArray> fields = part.trimmed().split(';');
        const QString name = QString::fromLatin1(fields.value(0));
        const double ms =
            fields.value(1).startsWith("dur=") ? fields.value(1).mid(4).toDouble() : 0;
        if (m_phases.find(name) == m_phases.end())
            m_order.push_back(name);
        m_phases[name].push_back(ms);
        inside += ms;
    }
    m_outside.push_back(latencyMs - inside);
}

void PushTimings::print() const
{
    if (m_phases.empty()) {
        std::printf("  breakdown            none (the server sent no Server-Timing)\n");
        return;
    }
    std::printf("  breakdown per batch  p50 / p99 / mean ms (Server-Timing, and the rest):\n");
    auto line = [](const char* name, const char* what, const std::vector<double>& v) {
        double sum = 0;
        for (double x : v)
            sum += x;
        std::printf("    %-8s %7.2f %8.2f %8.2f  %s\n", name, percentile(v, 0.5),
                    percentile(v, 0.99), v.empty() ? 0 : sum / double(v.size()), what);
    };
    static const std::map<QString, const char*> what{
        {QStringLiteral("read"), "the front reading the request"},
        {QStringLiteral("queue"), "waiting in the server: the hop to the handler, other pushes"},
        {QStringLiteral("parse"), "JSON, envelopes, token, versions"},
        {QStringLiteral("lock"), "BEGIN and the device row (waiting for the hall's writer)"},
        {QStringLiteral("judge"), "judging and storing the batch's events"},
        {QStringLiteral("commit"), "COMMIT (durable: fsync)"},
        {QStringLiteral("answer"), "the answer's JSON"}};
    for (const QString& name : m_order) {
        const auto it = what.find(name);
        line(qPrintable(name), it == what.end() ? "" : it->second, m_phases.at(name));
    }
    line("outside", "client writing and reading, the hops back to it", m_outside);
}
