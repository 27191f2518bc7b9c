#include "server/AnswerRelay.h"

#include <algorithm>

namespace onewindow::server {

namespace {

// The Content-Length of an answer's head; -1 when it has none.
qint64 contentLength(const QByteArray& head)
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 &&
            line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 n = line.mid(colon + 1).trimmed().toLongLong(&ok);
            return ok && n >= 0 ? n : -1;
        }
    }
    return -1;
}

} // namespace

QByteArray AnswerRelay::pass(const QByteArray& fromBackend)
{
    if (m_raw)
        return fromBackend;
    QByteArray out;
    QByteArray in = fromBackend;
    while (!in.isEmpty()) {
        if (m_inBody) {
            const qint64 take = std::min<qint64>(m_rest, in.size());
            if (!m_heads.value(0, false))
                out += in.left(take);
            in.remove(0, take);
            m_rest -= take;
            if (m_rest == 0) {
                m_inBody = false;
                if (!m_heads.isEmpty())
                    m_heads.removeFirst();
            }
            continue;
        }
        m_head += in;
        in.clear();
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0)
            break; // the rest of the head is still on its way
        in = m_head.mid(end + 4);
        out += m_head.left(end + 4);
        const qint64 length = contentLength(m_head.left(end + 4));
        m_head.clear();
        if (length < 0) { // not an answer of ours: pass everything from here on as it comes
            m_raw = true;
            return out + in;
        }
        m_rest = length;
        m_inBody = length > 0;
        if (!m_inBody && !m_heads.isEmpty())
            m_heads.removeFirst();
    }
    return out;
}

} // namespace onewindow::server
