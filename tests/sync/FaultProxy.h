#pragma once

// A fault-injecting TCP proxy on loopback (issue 18, "Proven under faults"): workstations talk to
// the server through it, and it spoils a share of their connections at random from a seed. Event
// driven on the thread that made it: the test's event loop must run for bytes to move.
#include <QByteArray>
#include <QMap>
#include <QObject>
#include <QTcpServer>

#include <random>

namespace onewindow::test {

class FaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Fault
    {
        Drop,        // the connection is closed before anything reaches the server
        Delay,       // the request and the answer each wait 0.1-1.5 s
        Duplicate,   // the first request is sent again on a new connection once answered
        CutRequest,  // the server gets the request's head and half its body, then the close
        CutResponse, // the client gets the answer's head and half its body, then the close
        Reset,       // the request reaches the server; the client gets a TCP reset for an answer
    };
    static constexpr int kFaultKinds = 6;
    static const char* name(Fault fault);

    explicit FaultProxy(quint64 seed, QObject* parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    // Where the server listens now (it changes when the server is restarted).
    void setUpstreamPort(quint16 port) { m_upstream = port; }
    // The share of new connections that get a fault, 0 (none) to 1.
    void setFaultRate(double rate) { m_rate = rate; }

    int connections() const { return m_connections; }
    const QMap<Fault, int>& faults() const { return m_faults; }
    QString summary() const;

    // The length of the first HTTP message in `bytes` (head and Content-Length body), or -1
    // while its head is incomplete.
    static qsizetype messageLength(const QByteArray& bytes);
    // Where a message of `length` bytes is cut: its head and half its body.
    static qsizetype cutPoint(const QByteArray& bytes, qsizetype length);

private:
    void accept();
    int below(int n) { return static_cast<int>(m_random() % static_cast<quint64>(n)); }

    QTcpServer m_server;
    std::mt19937_64 m_random;
    quint16 m_upstream = 0;
    double m_rate = 0.0;
    int m_connections = 0;
    QMap<Fault, int> m_faults;
};

} // namespace onewindow::test
