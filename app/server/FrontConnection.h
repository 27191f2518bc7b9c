#pragma once

#include "core/Error.h"
#include "server/AnswerRelay.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTimer>

class QTcpSocket;

namespace onewindow::server {

class HttpFront;

// One client connection of the front (server/HttpFront.h): reads each request within the limits,
// forwards complete ones to the QHttpServer behind and copies its answers back.
class FrontConnection : public QObject
{
public:
    // counted: the connection already counts against the peer's address (not so for a trusted
    // proxy's, counted per request against its X-Real-IP).
    FrontConnection(HttpFront& front, QTcpSocket* client, const QString& peer, bool counted);
    ~FrontConnection() override;

    // Answers 429 before reading anything: the address has too many connections open.
    void refuseAtOnce(int status, const core::Error& error);

private:
    enum class State
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailer,
        Refused
    };
    void onClientData();
    void process();
    bool takeHead(const QByteArray& text); // false: refused
    bool takeBody();                       // false: wait for more
    bool takeChunks();                     // false: wait for more, or refused
    void forward();
    void sendHeld();
    void refuse(int status, const core::Error& error, const QString& address = {});
    void requestTimedOut();
    void finish();
    QByteArray headerValue(const char* name) const;

    HttpFront& m_front;
    QTcpSocket* m_client;
    QTcpSocket* m_backend = nullptr;
    QString m_peer;    // the TCP peer
    QString m_address; // the client as logged and counted (X-Real-IP from a trusted proxy)
    QByteArray m_in;
    State m_state = State::Head;
    QByteArray m_method, m_target, m_version;
    AnswerRelay m_answers; // HEAD answered as GET, without its body (F18)
    // Complete requests held until the answer before them is back (is it HEAD, its bytes): the
    // server may answer a push from a worker (issue 17), and Qt 6.4's QHttpServer writes the
    // answers of one connection in the order they are done, not the order asked.
    QList<QPair<bool, QByteArray>> m_held;
    qint64 m_heldBytes = 0;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    qint64 m_remaining = 0;
    QByteArray m_body;
    bool m_requestStarted = false;
    qint64 m_startedNs = 0; // the request's first byte (HttpFront::kTimingHeader)
    QTimer m_requestTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_clock;
    bool m_finished = false;
    bool m_counted = false;
};

} // namespace onewindow::server
