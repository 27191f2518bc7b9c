#pragma once

// A hall's server for the pokes' tests that answers as an empty hall and spoils waiting pulls as
// told (issue 18, pokes): it counts the waiting pulls (GET /v1/pull with `wait`) and the other
// requests, each with the time it came. Event driven on the thread that made it.
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpServer>

namespace onewindow::test {

class WaitServer : public QObject
{
public:
    enum class Mode
    {
        Drop,   // a waiting pull's connection is closed 50 ms after it came, unanswered
        Empty,  // a waiting pull is answered at once, empty (a server that does not hold pulls)
        Silent, // nothing is answered at all (a black hole behind a live port)
    };
    explicit WaitServer(Mode mode, QObject* parent = nullptr);
    QString url() const;
    // When each waiting pull and each other request came, in ms since the server started.
    const QList<qint64>& waits() const { return m_waits; }
    const QList<qint64>& others() const { return m_others; }

private:
    void answer(class QTcpSocket* socket, const QByteArray& head);

    Mode m_mode;
    QTcpServer m_server;
    QElapsedTimer m_since;
    QList<qint64> m_waits;
    QList<qint64> m_others;
};

} // namespace onewindow::test
