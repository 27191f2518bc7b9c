#include "core/DisclosureReply.h"

namespace onewindow::core {

namespace {

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

void putIfAny(QJsonObject& o, const char* key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

Error rowError(const char* code, int index, const QString& request, const QString& what)
{
    const QString which = request.isEmpty()
                              ? QStringLiteral("第 %1 项申请").arg(index + 1)
                              : QStringLiteral("第 %1 项申请（%2）").arg(index + 1).arg(request);
    return Error{QString::fromLatin1(code), QStringLiteral("%1：%2").arg(which, what)};
}

const QString kRegulation = QStringLiteral("《中华人民共和国政府信息公开条例》");

QString cite(const char16_t* article)
{
    return QStringLiteral("（%1%2）").arg(kRegulation, QString::fromUtf16(article));
}

} // namespace

QString withheldReasonArticle(WithheldReason reason)
{
    switch (reason) {
    case WithheldReason::StateSecret:
    case WithheldReason::LawForbids:
    case WithheldReason::Endangers:
        return kRegulation + QStringLiteral("第十四条"); // 政府信息公开条例 Art. 14
    case WithheldReason::ThirdPartyRights:
        return kRegulation + QStringLiteral("第十五条"); // Art. 15
    case WithheldReason::InternalAffairs:
        return kRegulation + QStringLiteral("第十六条第一款"); // Art. 16 para. 1
    case WithheldReason::ProcessInformation:
    case WithheldReason::EnforcementFile:
        return kRegulation + QStringLiteral("第十六条第二款"); // Art. 16 para. 2
    }
    return kRegulation;
}

QJsonObject ReplyRow::toJson() const
{
    QJsonObject o{{QStringLiteral("request"), request},
                  {QStringLiteral("type"), keyOf(kReplyTypes, type)}};
    putIfAny(o, "reason", reason);
    putIfAny(o, "detail", detail);
    putIfAny(o, "office", office);
    putIfAny(o, "route", route);
    return o;
}

std::optional<ReplyRow> ReplyRow::fromJson(const QJsonObject& o)
{
    const std::optional<ReplyType> type = fromKey(kReplyTypes, text(o, "type"));
    if (!type)
        return std::nullopt;
    return ReplyRow{text(o, "request"), *type,           text(o, "reason"), text(o, "detail"),
                    text(o, "office"),  text(o, "route")};
}

QList<ReplyRow> replyRowsOf(const QJsonArray& rows)
{
    QList<ReplyRow> out;
    for (const QJsonValue& v : rows)
        if (std::optional<ReplyRow> row = ReplyRow::fromJson(v.toObject()))
            out.append(*row);
    return out;
}

Status checkReplyRows(const QJsonArray& rows)
{
    if (rows.isEmpty())
        return Error{QStringLiteral("disclosure.no_rows"),
                     QStringLiteral("答复须逐项写明每一项申请内容及其答复（政府信息公开条例 "
                                    "Art. 36）")};
    if (rows.size() > kMaxReplyRows)
        return Error{
            QStringLiteral("disclosure.too_many_rows"),
            QStringLiteral("一份答复最多 %1 项申请内容，请拆分为多份申请").arg(kMaxReplyRows)};
    for (int i = 0; i < rows.size(); ++i) {
        const QJsonObject o = rows.at(i).toObject();
        const QString request = text(o, "request");
        if (request.isEmpty())
            return rowError("disclosure.request", i, request,
                            QStringLiteral("请写明申请公开的信息（名称、文号或描述）"));
        if (request.size() > 500)
            return rowError("disclosure.request", i, request.left(20) + QStringLiteral("…"),
                            QStringLiteral("申请内容过长（最多 500 字）"));
        const std::optional<ReplyType> type = fromKey(kReplyTypes, text(o, "type"));
        if (!type)
            return rowError("disclosure.type", i, request,
                            QStringLiteral("请选择条例第三十六条规定的答复类型"));
        const QString reason = text(o, "reason");
        const bool hasDetail = !text(o, "detail").isEmpty();
        switch (*type) {
        case ReplyType::Published: // Art. 36(1)
            if (!hasDetail)
                return rowError("disclosure.published_where", i, request,
                                QStringLiteral("已主动公开的，须告知获取该信息的方式和途径"));
            break;
        case ReplyType::Disclosed: // Art. 36(2)
            if (!hasDetail)
                return rowError("disclosure.disclosed_how", i, request,
                                QStringLiteral("予以公开的，须提供该信息，或告知获取的时间、"
                                               "方式和地点"));
            break;
        case ReplyType::PartlyDisclosed: // Art. 37
            if (!fromKey(kWithheldReasons, reason))
                return rowError("disclosure.withheld_reason", i, request,
                                QStringLiteral("部分公开的，须写明不予公开部分的理由及依据"
                                               "（条例第十四、十五、十六条）"));
            if (!hasDetail)
                return rowError("disclosure.partly_what", i, request,
                                QStringLiteral("部分公开的，须写明予以公开的部分及获取方式"));
            break;
        case ReplyType::NotDisclosed: // Art. 36(3)
            if (!fromKey(kWithheldReasons, reason))
                return rowError("disclosure.withheld_reason", i, request,
                                QStringLiteral("不予公开的，须选择理由及依据"
                                               "（条例第十四、十五、十六条）"));
            if (!hasDetail)
                return rowError("disclosure.withheld_why", i, request,
                                QStringLiteral("不予公开的，须说明具体理由"));
            break;
        case ReplyType::NotExist: // Art. 36(4): the search made is optional
            break;
        case ReplyType::NotOurs: // Art. 36(5)
            if (text(o, "office").isEmpty())
                return rowError("disclosure.office", i, request,
                                QStringLiteral("不属于本机关负责公开的，须写明负责公开该信息的"
                                               "机关名称及联系方式"));
            break;
        case ReplyType::Repeated: // Art. 36(6)
            if (!hasDetail)
                return rowError("disclosure.earlier_reply", i, request,
                                QStringLiteral("重复申请的，须写明已作出的答复（日期、文号）"));
            break;
        case ReplyType::OtherLaws: // Art. 36(7)
            if (text(o, "route").isEmpty())
                return rowError("disclosure.route", i, request,
                                QStringLiteral("依有关法律、行政法规办理的，须写明办理途径"
                                               "（如档案查阅、不动产登记资料查询）"));
            break;
        case ReplyType::CannotProvide: // Arts. 38, 30
            if (!fromKey(kCannotProvideReasons, reason))
                return rowError("disclosure.cannot_reason", i, request,
                                QStringLiteral("请选择无法提供的理由"));
            break;
        case ReplyType::NotHandled: // Arts. 35, 39
            if (!fromKey(kNotHandledReasons, reason))
                return rowError("disclosure.not_handled_reason", i, request,
                                QStringLiteral("请选择不予处理的理由"));
            break;
        }
    }
    return {};
}

QString replyText(const ReplyRow& row)
{
    const QString detail = row.detail;
    switch (row.type) {
    case ReplyType::Published:
        return QStringLiteral("该信息已经主动公开，获取方式和途径：%1。").arg(detail) +
               cite(u"第三十六条第（一）项");
    case ReplyType::Disclosed:
        return QStringLiteral("该信息予以公开：%1。").arg(detail) + cite(u"第三十六条第（二）项");
    case ReplyType::PartlyDisclosed: {
        const auto reason = fromKey(kWithheldReasons, row.reason);
        return QStringLiteral("该信息中部分内容%1，依据%2不予公开；其余部分能够作区分处理，予以"
                              "公开：%3。")
                   .arg(reason ? nameOf(kWithheldReasons, *reason) : row.reason,
                        reason ? withheldReasonArticle(*reason) : QString(), detail) +
               cite(u"第三十七条");
    }
    case ReplyType::NotDisclosed: {
        const auto reason = fromKey(kWithheldReasons, row.reason);
        return QStringLiteral("该信息%1，依据%2，决定不予公开。理由：%3。")
                   .arg(reason ? nameOf(kWithheldReasons, *reason) : row.reason,
                        reason ? withheldReasonArticle(*reason) : QString(), detail) +
               cite(u"第三十六条第（三）项");
    }
    case ReplyType::NotExist:
        return QStringLiteral("经检索，本机关未制作或获取该信息，该政府信息不存在。%1")
                   .arg(detail.isEmpty() ? QString() : detail + QStringLiteral("。")) +
               cite(u"第三十六条第（四）项");
    case ReplyType::NotOurs:
        return QStringLiteral("该信息不属于本机关负责公开。负责公开该信息的机关：%1。")
                   .arg(row.office) +
               cite(u"第三十六条第（五）项");
    case ReplyType::Repeated:
        return QStringLiteral("本机关已就您的相同申请作出答复（%1），不予重复处理。").arg(detail) +
               cite(u"第三十六条第（六）项");
    case ReplyType::OtherLaws:
        return QStringLiteral("有关法律、行政法规对该信息的获取有特别规定，请依照有关规定办理："
                              "%1。")
                   .arg(row.route) +
               cite(u"第三十六条第（七）项");
    case ReplyType::CannotProvide:
        if (fromKey(kCannotProvideReasons, row.reason) == CannotProvideReason::StillUnclear)
            return QStringLiteral("您的申请经补正后内容仍不明确，本机关无法提供。") +
                   cite(u"第三十条");
        return QStringLiteral("本机关没有现成信息，需要对现有政府信息进行加工、分析另行制作，"
                              "不予提供。") +
               cite(u"第三十八条");
    case ReplyType::NotHandled:
        switch (fromKey(kNotHandledReasons, row.reason).value_or(NotHandledReason::Confirmation)) {
        case NotHandledReason::Petition:
            return QStringLiteral("您以政府信息公开申请的形式进行信访、投诉、举报，本机关不作为政府"
                                  "信息公开申请处理，请通过相应渠道提出。") +
                   cite(u"第三十九条第一款");
        case NotHandledReason::Publication:
            return QStringLiteral("您申请获取的是公开出版物，请通过公开渠道获取%1。")
                       .arg(detail.isEmpty() ? QString() : QStringLiteral("：") + detail) +
                   cite(u"第三十九条第二款");
        case NotHandledReason::Excessive:
            return QStringLiteral("您申请公开政府信息的数量、频次明显超过合理范围，说明的理由不"
                                  "合理，本机关不予处理。") +
                   cite(u"第三十五条");
        case NotHandledReason::Confirmation:
            break;
        }
        return QStringLiteral("您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请，"
                              "本机关不予处理。");
    }
    return {};
}

} // namespace onewindow::core
