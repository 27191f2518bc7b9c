// What the fuzz targets (tests/fuzz) found in the documents; the input stays in the corpus.
#include "documents/Templates.h"

#include "support/TestSupport.h"

using namespace onewindow;

// fuzz_template, corpus/template/nested-tables.html: 100 tables nested unclosed, under the limit
// of 200 tables, hung Qt's layout (20 levels took 80 s: the time grows exponentially with depth).
TEST_CASE("A template nesting tables deeper than the limit is refused before Qt lays it out")
{
    const auto nested = [](int depth) {
        return QStringLiteral("<TABLE><tr><td>").repeated(depth) +
               QStringLiteral("{{case_number}}");
    };
    const auto deep = documents::templateTooComplex(nested(documents::kMaxTemplateTableDepth + 1),
                                                    QStringLiteral("deep.html"));
    REQUIRE(deep);
    CHECK(deep->code == QStringLiteral("template.too_complex"));
    CHECK(deep->message.contains(QStringLiteral("表格嵌套 9 层")));
    CHECK_FALSE(documents::templateTooComplex(nested(documents::kMaxTemplateTableDepth),
                                              QStringLiteral("ok.html")));
    // Closed tables side by side are no nesting: 150 of them are taken.
    CHECK_FALSE(documents::templateTooComplex(
        QStringLiteral("<table><tr><td>x</td></tr></table>").repeated(150),
        QStringLiteral("flat.html")));
}
