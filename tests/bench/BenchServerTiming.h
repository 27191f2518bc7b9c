#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <vector>

// Where a push's time goes (issue 17): the server names its phases in each push answer's
// Server-Timing header (read, queue, parse, lock, judge, commit, answer, in ms); the bench adds
// what it measured itself, from writing the batch to reading the whole answer. The rest, outside
// the server's stamps, is the client's writing and reading and the hops in between.
class PushTimings
{
public:
    // One answer: the client's latency in ms and the answer's head (its Server-Timing).
    void add(double latencyMs, const QByteArray& head);
    // The latencies seen (for the run's own p50/p99).
    std::vector<double>& latencies() { return m_latency; }
    // p50 and p99 of every phase, one line each.
    void print() const;

private:
    std::vector<double> m_latency;
    std::vector<QString> m_order;                    // the phases as the server named them
    std::map<QString, std::vector<double>> m_phases; // each phase's ms, one per answer
    std::vector<double> m_outside;                   // latency minus the server's phases
};

double percentile(std::vector<double> v, double p);
