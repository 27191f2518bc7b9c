#pragma once

#include <QByteArray>

// The bench's side of HTTP (bench_server, issue 17): requests written by hand, answers read off a
// kept-alive connection.

// A request with the headers every request names (decision 10) and, if given, the token.
QByteArray request(const QByteArray& method, const QByteArray& path, const QByteArray& token,
                   const QByteArray& body);

struct Answer
{
    int status = 0; // 0: not whole yet
    QByteArray body, head;
};

// Takes one whole answer off the front of `in`.
Answer takeAnswer(QByteArray& in);

// A blocking call for the set-up and the check (the server is another process).
Answer call(quint16 port, const QByteArray& bytes);
