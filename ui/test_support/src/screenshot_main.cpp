#include "vitask/ui/test_support/screenshot_main.h"

#include <QMetaMethod>

#include <vector>

namespace vitask::ui::test {

namespace {

bool isSetupFunction(const QString& name) {
    static const QStringList setup{QStringLiteral("initTestCase"), QStringLiteral("cleanupTestCase"),
                                   QStringLiteral("init"), QStringLiteral("cleanup"),
                                   QStringLiteral("initTestCase_data")};
    return setup.contains(name) || name.endsWith(QStringLiteral("_data"));
}

}  // namespace

QStringList testFunctions(const QObject& test, bool screenshots) {
    QStringList names;
    const QMetaObject* meta = test.metaObject();
    for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
        const QMetaMethod method = meta->method(i);
        if (method.methodType() != QMetaMethod::Slot || method.access() != QMetaMethod::Private ||
            method.parameterCount() != 0)
            continue;
        const QString name = QString::fromLatin1(method.name());
        if (isSetupFunction(name)) continue;
        if (name.startsWith(QStringLiteral("screenshot")) == screenshots) names << name;
    }
    return names;
}

int runTestsOrScreenshots(QObject& test, int argc, char** argv, const char* screenshotVariable) {
    if (argc > 1) return QTest::qExec(&test, argc, argv);  // the caller chose
    const bool screenshots = !qEnvironmentVariableIsEmpty(screenshotVariable);
    const QStringList names = testFunctions(test, screenshots);
    if (names.isEmpty()) {  // Qt Test would run every function
        qCritical("%s has no %s functions", test.metaObject()->className(), screenshots ? "screenshot" : "test");
        return 1;
    }
    QStringList arguments{QString::fromLocal8Bit(argv[0])};
    arguments << names;
    return QTest::qExec(&test, arguments);
}

}  // namespace vitask::ui::test
