#pragma once

#include <QByteArray>
#include <QList>

namespace onewindow::server {

// The answers of the QHttpServer behind the front on their way back to the client (F18): the
// front forwards a HEAD request as GET, so HEAD is answered wherever GET is (HEAD /healthz for a
// health check), and drops that answer's body here: a response to HEAD carries its head only,
// Content-Length as GET's. A body after a HEAD answer desynchronised a kept-alive connection (a
// client or nginx's upstream pool read it as the start of the next answer).
class AnswerRelay
{
public:
    // The header the front adds to a HEAD request it passes on as GET, so the log names HEAD;
    // never taken from a client.
    static constexpr char kHeadHeader[] = "OneWindow-Head";

    // A request went to the backend; its answer comes after those of the requests before it.
    void expect(bool head) { m_heads.append(head); }
    // What of the backend's bytes goes to the client.
    QByteArray pass(const QByteArray& fromBackend);
    // A request forwarded is not fully answered yet.
    bool waiting() const { return !m_heads.isEmpty(); }

private:
    QList<bool> m_heads; // one per request forwarded and not fully answered: was it HEAD
    QByteArray m_head;   // the head of the answer being relayed, until its blank line
    qint64 m_rest = 0;   // bytes of its body still to come
    bool m_inBody = false;
    bool m_raw = false; // an answer without Content-Length: every byte passes from then on
};

} // namespace onewindow::server
