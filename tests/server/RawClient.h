#pragma once

// A server in this process with the front's options a test names, and a raw client socket, so the
// test controls exactly what the client has sent (LimitsTest, HttpHygieneTest).
#include "ServerFixture.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QThread>

#include <functional>
#include <memory>

namespace onewindow::test {

inline bool waitUntil(const std::function<bool()>& done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::msleep(1);
    }
    return true;
}

// A server in this process with the front's options the test names.
struct FrontServer
{
    QTemporaryDir dir;
    core::FakeClock clock{QDateTime(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC)};
    std::unique_ptr<server::CentralDb> db;
    std::unique_ptr<server::HttpApi> api;
    QStringList log;
    quint16 port = 0;

    explicit FrontServer(server::FrontOptions options = {})
    {
        auto opened = server::CentralDb::open(freshDatabase(dir));
        REQUIRE(opened.ok());
        db = std::move(opened).value();
        api = std::make_unique<server::HttpApi>(*db, clock,
                                                [this](const QString& l) { log.append(l); });
        const auto bound = api->listen(QHostAddress::LocalHost, 0, std::move(options));
        REQUIRE(bound.ok());
        port = *bound;
    }
};

// A client socket that has sent exactly what the test wrote.
struct RawClient
{
    QTcpSocket socket;
    QByteArray received;

    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] { received += socket.readAll(); });
        bool connected = false;
        QObject::connect(&socket, &QTcpSocket::connected, [&connected] { connected = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
        REQUIRE(waitUntil([&connected] { return connected; }, 5000));
        QObject::disconnect(&socket, &QTcpSocket::connected, nullptr, nullptr);
    }
    void send(const QByteArray& bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    // Waits for a whole answer (head and its Content-Length of body); true when it came.
    bool answered(int ms)
    {
        return waitUntil(
            [this] {
                const qsizetype end = received.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                const qsizetype at = received.toLower().indexOf("content-length:");
                const qsizetype eol = received.indexOf("\r\n", at);
                const qint64 length =
                    at < 0 ? 0 : received.mid(at + 15, eol - at - 15).trimmed().toLongLong();
                return received.size() >= end + 4 + length;
            },
            ms);
    }
    bool closed(int ms)
    {
        return waitUntil([this] { return socket.state() == QAbstractSocket::UnconnectedState; },
                         ms);
    }
    int status() const { return received.mid(9, 3).toInt(); }
    QJsonObject json() const
    {
        return QJsonDocument::fromJson(received.mid(received.indexOf("\r\n\r\n") + 4)).object();
    }
};

} // namespace onewindow::test
