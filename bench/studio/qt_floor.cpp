// The start-up floor of a Qt Widgets application, the peer of vitask-studio's start in
// bench_studio: create the application, show an empty QMainWindow, and once the event
// loop runs grab it and save the PNG (what `vitask-studio --screenshot FILE` does with
// no other work), then quit.
// usage: bench_studio_qt_floor FILE.png
#include <QApplication>
#include <QMainWindow>
#include <QPixmap>
#include <QTimer>

#include <iostream>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc != 2) {
        std::cerr << "usage: bench_studio_qt_floor FILE.png\n";
        return 2;
    }
    const QString file = QString::fromLocal8Bit(argv[1]);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Qt floor"));
    window.resize(1400, 900);  // the studio's first-start size
    window.show();
    int status = 0;
    QTimer::singleShot(0, &window, [&] {
        QApplication::processEvents();
        if (!window.grab().save(file, "PNG")) status = 1;
        QApplication::exit(status);
    });
    return QApplication::exec();
}
