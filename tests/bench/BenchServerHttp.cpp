#include "BenchServerHttp.h"

#include "core/SyncProtocol.h"

#include <QHostAddress>
#include <QTcpSocket>

using namespace onewindow;

QByteArray request(const QByteArray& method, const QByteArray& path, const QByteArray& token,
                   const QByteArray& body)
{
    // The versions every request names (decision 10): without them the server answers 426.
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: bench\r\n" +
                   core::sync::kProtocolHeader + ": " +
                   QByteArray::number(core::sync::kProtocolVersion) + "\r\n" +
                   core::sync::kFoldHeader + ": " + QByteArray::number(core::sync::kFoldVersion) +
                   "\r\n" + core::sync::kBuildHeader + ": bench\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() || method == "POST")
        r +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n";
    return r + "\r\n" + body;
}

Answer takeAnswer(QByteArray& in)
{
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return {};
    const QByteArray head = in.left(end).toLower();
    const qsizetype at = head.indexOf("content-length:");
    const qint64 length =
        at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
    if (in.size() < end + 4 + length)
        return {};
    Answer a{in.mid(9, 3).toInt(), in.mid(end + 4, length), in.left(end)};
    in.remove(0, end + 4 + length);
    return a;
}

Answer call(quint16 port, const QByteArray& bytes)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return {};
    s.write(bytes);
    QByteArray in;
    for (int i = 0; i < 600; ++i) {
        s.waitForReadyRead(100);
        in += s.readAll();
        if (auto a = takeAnswer(in); a.status != 0)
            return a;
    }
    return {};
}
