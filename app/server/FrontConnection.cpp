#include "server/FrontConnection.h"

#include "core/ServerLimits.h"
#include "server/HttpFront.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <sys/socket.h>

namespace onewindow::server {

namespace sync = core::sync;

namespace {

constexpr int kLingerMs = 2000; // after a refusal, the client's rest is read and discarded
constexpr int kMaxChunkLine = 1024;
// Back-pressure: past this much waiting to go to the server or back to the client, the client is
// not read (its data stays in the kernel, a bounded read buffer in between), so a client that
// pipelines requests or does not read its answers cannot make the front hold more.
constexpr qint64 kMaxPending = 4 * 1024 * 1024;
constexpr qint64 kReadBuffer = 256 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 417:
        return "Expectation Failed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

bool isToken(const QByteArray& s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (c <= ' ' || c >= 127 || c == ':')
            return false;
    return true;
}

} // namespace

FrontConnection::FrontConnection(HttpFront& front, QTcpSocket* client, const QString& peer,
                                 bool counted)
    : QObject(&front), m_front(front), m_client(client), m_peer(peer), m_address(peer),
      m_counted(counted)
{
    m_client->setParent(this);
    // Answers go out as they come (an answer forwarded in pieces would otherwise wait for the
    // client's delayed acknowledgement: up to 200 ms a request).
    m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_client->setReadBufferSize(kReadBuffer);
    connect(m_client, &QTcpSocket::bytesWritten, this, [this] { onClientData(); });
    m_clock.start();
    m_requestTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    // The first request must come within the request time (a connection that sends nothing is
    // dropped like a slow one).
    m_requestTimer.start(m_front.options().limits.requestTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, [this] { requestTimedOut(); });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { finish(); });
    connect(m_client, &QTcpSocket::readyRead, this, [this] { onClientData(); });
    connect(m_client, &QTcpSocket::disconnected, this, [this] { finish(); });
    connect(m_client, &QAbstractSocket::errorOccurred, this, [this] {
        if (m_client->state() != QAbstractSocket::ConnectedState)
            finish();
    });
}

FrontConnection::~FrontConnection()
{
    if (m_counted)
        m_front.release(m_address);
}

void FrontConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_requestTimer.stop();
    m_idleTimer.stop();
    if (m_backend)
        m_backend->abort();
    m_client->abort();
    deleteLater();
}

void FrontConnection::onClientData()
{
    if (m_finished)
        return;
    if (m_state == State::Refused) {
        m_client->readAll(); // discarded: the answer is on its way, the connection closing
        return;
    }
    if (m_client->bytesToWrite() > kMaxPending || m_heldBytes > kMaxPending ||
        (m_backend && m_backend->bytesToWrite() > kMaxPending))
        return; // read on when the answers or the requests have moved (bytesWritten)
    m_in += m_client->readAll();
    process();
}

void FrontConnection::process()
{
    const auto& limits = m_front.options().limits;
    while (!m_finished && m_state != State::Refused) {
        if (m_state == State::Head) {
            while (m_in.startsWith("\r\n")) // empty lines before a request line are allowed
                m_in.remove(0, 2);
            if (m_in.isEmpty())
                return;
            if (!m_requestStarted) {
                m_requestStarted = true;
                m_startedNs = HttpFront::monotonicNs();
                m_idleTimer.stop();
                m_requestTimer.start(limits.requestTimeoutMs);
            }
            const qsizetype end = m_in.indexOf("\r\n\r\n");
            if (end < 0 ? m_in.size() > limits.maxHeadBytes : end + 4 > limits.maxHeadBytes) {
                refuse(431, sync::headTooLarge(limits.maxHeadBytes));
                return;
            }
            if (end < 0)
                return;
            const QByteArray head = m_in.left(end);
            m_in.remove(0, end + 4);
            if (!takeHead(head))
                return;
            continue;
        }
        if (m_state == State::Body) {
            if (!takeBody())
                return;
            forward();
            continue;
        }
        if (!takeChunks())
            return;
        forward();
    }
}

QByteArray FrontConnection::headerValue(const char* name) const
{
    for (const auto& [key, value] : m_headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool FrontConnection::takeHead(const QByteArray& text)
{
    const auto& limits = m_front.options().limits;
    const QList<QByteArray> lines = text.split('\n');
    const QList<QByteArray> request = lines.first().trimmed().split(' ');
    m_headers.clear();
    m_body.clear();
    m_method = request.value(0);
    m_target = request.value(1);
    m_version = request.value(2);
    if (request.size() != 3 || !isToken(m_method) || !m_target.startsWith('/') ||
        !(m_version == "HTTP/1.1" || m_version == "HTTP/1.0")) {
        refuse(400, sync::badHttp(QStringLiteral("请求行无法识别")));
        return false;
    }
    QList<QByteArray> lengths;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) { // also a folded (obsolete) line
            refuse(400, sync::badHttp(QStringLiteral("请求头无法识别")));
            return false;
        }
        const QByteArray name = line.left(colon), value = line.mid(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            lengths.append(value);
        m_headers.append({name, value});
    }
    // Behind a trusted proxy the client is the proxy's X-Real-IP: the connection counts against
    // that address from this request on.
    if (m_front.trusts(QHostAddress(m_peer))) {
        const QHostAddress real(QString::fromLatin1(headerValue("X-Real-IP")));
        const QString address = real.isNull() ? m_peer : addressText(real);
        if (!m_counted || address != m_address) {
            if (!m_front.attribute(m_counted ? m_address : QString(), address)) {
                refuse(429, sync::tooManyConnections(limits.maxConnectionsPerAddress), address);
                return false;
            }
            m_address = address;
            m_counted = true;
        }
    }
    const QByteArray encoding = headerValue("Transfer-Encoding");
    const QByteArray expect = headerValue("Expect");
    bool ok = true;
    qint64 length = 0;
    for (const QByteArray& l : lengths) {
        bool digits = !l.isEmpty();
        for (char c : l)
            digits = digits && c >= '0' && c <= '9';
        const qint64 n = digits && l.size() <= 18 ? l.toLongLong(&ok) : -1;
        if (n < 0 || (length != 0 && n != length) || !ok) {
            refuse(400, sync::badHttp(QStringLiteral("Content-Length 无效")));
            return false;
        }
        length = n;
    }
    const bool chunked = !encoding.isEmpty();
    if (chunked && (encoding.compare("chunked", Qt::CaseInsensitive) != 0 || !lengths.isEmpty())) {
        refuse(400, sync::badHttp(QStringLiteral("仅支持 Transfer-Encoding: chunked，且不得与 "
                                                 "Content-Length 同用")));
        return false;
    }
    // The limit is judged on the head: nothing of an oversized body is read.
    if (length > limits.maxBodyBytes) {
        refuse(413, sync::bodyTooLarge(limits.maxBodyBytes));
        return false;
    }
    if (!expect.isEmpty()) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0) {
            refuse(417, sync::expectationFailed(QString::fromLatin1(expect)));
            return false;
        }
        if (chunked || length > 0)
            m_client->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    m_remaining = length;
    m_state = chunked ? State::ChunkSize : State::Body;
    return true;
}

bool FrontConnection::takeBody()
{
    const qint64 take = std::min<qint64>(m_remaining, m_in.size());
    m_body += m_in.left(take);
    m_in.remove(0, take);
    m_remaining -= take;
    return m_remaining == 0;
}

bool FrontConnection::takeChunks()
{
    const qint64 limit = m_front.options().limits.maxBodyBytes;
    for (;;) {
        if (m_state == State::ChunkData) {
            if (!takeBody())
                return false;
            m_state = State::ChunkEnd;
        }
        const qsizetype eol = m_in.indexOf("\r\n");
        if (eol < 0) {
            if (m_in.size() > kMaxChunkLine)
                refuse(400, sync::badHttp(QStringLiteral("分块长度行过长")));
            return false;
        }
        const QByteArray line = m_in.left(eol);
        m_in.remove(0, eol + 2);
        if (m_state == State::ChunkEnd) {
            if (!line.isEmpty()) {
                refuse(400, sync::badHttp(QStringLiteral("分块数据后缺少换行")));
                return false;
            }
            m_state = State::ChunkSize;
        } else if (m_state == State::ChunkSize) {
            const QByteArray hex = line.split(';').first().trimmed();
            bool ok = false;
            const qint64 size = hex.size() <= 15 ? hex.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0) {
                refuse(400, sync::badHttp(QStringLiteral("分块长度无效")));
                return false;
            }
            if (m_body.size() + size > limit) { // refused the moment it would pass the limit
                refuse(413, sync::bodyTooLarge(limit));
                return false;
            }
            m_remaining = size;
            m_state = size == 0 ? State::Trailer : State::ChunkData;
        } else if (line.isEmpty()) { // the trailer's end
            return true;
        } else if (line.size() > kMaxChunkLine) {
            refuse(400, sync::badHttp(QStringLiteral("分块尾部过长")));
            return false;
        }
    }
}

void FrontConnection::forward()
{
    m_requestTimer.stop();
    m_requestStarted = false;
    m_idleTimer.start(m_front.options().limits.idleTimeoutMs);
    m_state = State::Head;
    // HEAD goes on as GET and its answer comes back without the body (server/AnswerRelay.h).
    const bool head = m_method == "HEAD";
    QByteArray out =
        (head ? QByteArray("GET") : m_method) + ' ' + m_target + ' ' + m_version + "\r\n";
    for (const auto& [name, value] : m_headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0 ||
            name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0 ||
            name.compare("Expect", Qt::CaseInsensitive) == 0 ||
            name.compare(HttpFront::kForwardHeader, Qt::CaseInsensitive) == 0 ||
            name.compare(HttpFront::kTimingHeader, Qt::CaseInsensitive) == 0 ||
            name.compare(AnswerRelay::kHeadHeader, Qt::CaseInsensitive) == 0)
            continue;
        out += name + ": " + value + "\r\n";
    }
    if (head)
        out += QByteArray(AnswerRelay::kHeadHeader) + ": 1\r\n";
    out += QByteArray(HttpFront::kForwardHeader) + ": " + m_front.forwardValue(m_address) + "\r\n";
    out += QByteArray(HttpFront::kTimingHeader) + ": " + QByteArray::number(m_startedNs) + ' ' +
           QByteArray::number(HttpFront::monotonicNs()) + "\r\n";
    out += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n";
    out += m_body;
    m_body.clear();
    m_method.clear();
    m_target.clear();
    m_heldBytes += out.size();
    m_held.append({head, out});
    sendHeld();
}

void FrontConnection::sendHeld()
{
    if (m_finished || m_held.isEmpty() || m_answers.waiting())
        return;
    const auto [head, out] = m_held.takeFirst();
    m_heldBytes -= out.size();
    m_answers.expect(head);
    if (!m_backend) {
        m_backend = new QTcpSocket(this);
        connect(m_backend, &QTcpSocket::readyRead, this, [this] {
            if (m_finished)
                return;
            m_client->write(m_answers.pass(m_backend->readAll()));
            if (m_idleTimer.isActive())
                m_idleTimer.start(); // an answer is traffic too
            sendHeld();
            onClientData(); // held requests may have kept the client unread
        });
        connect(m_backend, &QTcpSocket::disconnected, this, [this] {
            if (m_finished)
                return;
            m_client->write(m_answers.pass(m_backend->readAll()));
            m_client->disconnectFromHost();
        });
        connect(m_backend, &QTcpSocket::bytesWritten, this, [this] { onClientData(); });
        connect(m_backend, &QTcpSocket::connected, this,
                [this] { m_backend->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
        m_backend->connectToHost(QHostAddress::LocalHost, m_front.backendPort());
    }
    m_backend->write(out); // buffered until the loopback connection is up
}

void FrontConnection::refuse(int status, const core::Error& error, const QString& address)
{
    m_state = State::Refused;
    m_requestTimer.stop();
    m_idleTimer.stop();
    m_in.clear();
    m_body.clear();
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("error"), error.code},
                                                      {QStringLiteral("message"), error.message}})
                                .toJson(QJsonDocument::Compact);
    m_client->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nOneWindow-Time: " + QByteArray::number(m_front.nowMs()) +
        "\r\nConnection: close\r\n\r\n" + (m_method == "HEAD" ? QByteArray() : body));
    m_front.log(address.isEmpty() ? m_address : address,
                m_method.isEmpty() ? QByteArray("-") : m_method,
                m_target.isEmpty() ? QByteArray("-") : m_target.split('?').first(), status,
                m_clock.elapsed());
    // Half-close once the answer is out, read and discard what the client still sends for a
    // moment (closing with unread data would reset the connection and lose the answer), then go.
    m_client->flush();
    auto halfClose = [this] {
        if (m_client->bytesToWrite() == 0 && m_client->socketDescriptor() >= 0)
            ::shutdown(int(m_client->socketDescriptor()), SHUT_WR);
    };
    connect(m_client, &QTcpSocket::bytesWritten, this, halfClose);
    halfClose();
    QTimer::singleShot(kLingerMs, this, [this] { finish(); });
}

void FrontConnection::refuseAtOnce(int status, const core::Error& error)
{
    m_requestTimer.stop();
    refuse(status, error);
}

void FrontConnection::requestTimedOut()
{
    if (m_state == State::Refused)
        return;
    // A request begun and not finished in time is answered 408; a connection that never sent
    // anything is closed without a word.
    if (!m_requestStarted) {
        finish();
        return;
    }
    refuse(408, sync::requestTimeout(m_front.options().limits.requestTimeoutMs / 1000));
}

} // namespace onewindow::server
