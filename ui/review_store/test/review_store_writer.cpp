// Test helper: review_store_writer DATABASE COUNT
// Opens the review store, creates a worklist, saves reviews 1, 2, ... (COUNT of them, 0:
// without end), printing "saved i" after each save has returned (committed), then waits
// to be killed. test_ui_review_store kills it with SIGKILL and checks what survived.
#include "review_fixtures.h"

#include "vitask/ui/review_store/review_store.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <thread>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: review_store_writer DATABASE COUNT\n");
        return 2;
    }
    try {
        using namespace vitask::ui;
        ReviewStore store = ReviewStore::open(QString::fromLocal8Bit(argv[1]));
        const Worklist worklist = store.createWorklist(test::makeWorklist(QStringLiteral("killed writer")));
        std::printf("worklist %lld\n", static_cast<long long>(worklist.id));
        std::fflush(stdout);
        const int count = std::atoi(argv[2]);
        for (int i = 1; count == 0 || i <= count; ++i) {
            store.saveReview(test::makeReview(worklist.id, i));
            std::printf("saved %d\n", i);
            std::fflush(stdout);
        }
        std::printf("waiting\n");
        std::fflush(stdout);
        for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "review_store_writer: %s\n", error.what());
        return 1;
    }
}
