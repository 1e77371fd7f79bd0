// Viewer benchmark: the time to show the next slice of a 512 x 512 CT, which decides
// whether scrolling and window/level dragging keep up with 60 frames per second (16.7 ms)
// on a slow CPU. Measured through the public widget (SliceViewer::renderedSlice and a
// painted frame via QWidget::grab with annotations and a heatmap); the peers, in the same
// run on the same voxels, are a naive per-pixel Window::apply loop and numpy.
// usage: bench_viewer [--slices N] [--size PIXELS] [--dir FOLDER] [--keep]
#include "bench_support.h"
#include "vitask/imaging/volume.h"
#include "vitask/imaging/window.h"
#include "vitask/ui/viewer/slice_viewer.h"

#include <QApplication>
#include <QImage>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <thread>

namespace fs = std::filesystem;
using vitask::imaging::Volume;
using vitask::imaging::Window;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// A CT-like phantom in integer HU: air around a soft-tissue ellipse with lungs and a
// spine, plus noise, so the window table and the branches see realistic value spreads.
std::shared_ptr<Volume> phantom(std::size_t size, std::size_t slices) {
    auto v = std::make_shared<Volume>();
    v->dims = {size, size, slices, 1};
    v->modality = "CT";
    v->spacing = {0.7, 0.7, 1.0};
    v->pixelSpacingKnown = v->orientationKnown = true;  // as a CT read from DICOM
    v->voxels.resize(size * size * slices);
    std::uint32_t seed = 12345;
    const double c = double(size) / 2;
    for (std::size_t z = 0; z < slices; ++z) {
        for (std::size_t y = 0; y < size; ++y) {
            for (std::size_t x = 0; x < size; ++x) {
                const double dx = (double(x) - c) / c, dy = (double(y) - c) / c;
                double hu = -1000;
                if (dx * dx / 0.8 + dy * dy / 0.5 < 1) hu = 40;
                if (std::hypot(std::abs(dx) - 0.35, dy + 0.05) < 0.25) hu = -850;
                if (std::hypot(dx, dy - 0.45 + 0.001 * double(z)) < 0.08) hu = 700;
                seed = seed * 1664525u + 1013904223u;
                hu += double(seed >> 24) / 8.0 - 16.0;
                v->voxels[(z * size + y) * size + x] = float(std::lround(hu));
            }
        }
    }
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t slices = 64, size = 512;
    fs::path dir;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--slices" && i + 1 < argc) slices = std::stoul(argv[++i]);
        else if (arg == "--size" && i + 1 < argc) size = std::stoul(argv[++i]);
        else if (arg == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (arg == "--keep") keep = true;
        else {
            std::cerr << "usage: bench_viewer [--slices N] [--size PIXELS] [--dir FOLDER] [--keep]\n";
            return 2;
        }
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    try {
        dir = vitask::bench::workFolder(dir, "viewer");
        const auto volume = phantom(size, slices);
        const Window soft(40, 400, "CT soft tissue");
        vitask::ui::SliceViewer viewer;
        viewer.setVolume(volume);
        viewer.setWindow(soft);
        viewer.resize(1024, 1024);

        // Scrolling: every slice once, render only (what a scroll step costs before paint).
        std::vector<double> scroll, drag, frames, naive;
        std::uint64_t checksum = 0;
        for (std::size_t z = 0; z < slices; ++z) {
            const auto start = Clock::now();
            viewer.setSlice(int(z));
            const QImage img = viewer.renderedSlice();
            scroll.push_back(msSince(start));
            for (int y = 0; y < img.height(); ++y) {
                const uchar* line = img.constScanLine(y);
                for (int x = 0; x < img.width(); ++x) checksum += line[x];
            }
        }
        // Window/level dragging: a new window on the same slice each time.
        for (int i = 0; i < 64; ++i) {
            const auto start = Clock::now();
            viewer.setWindow(Window(40 + 5 * i, 400 + 7 * i, {}));
            viewer.renderedSlice();
            drag.push_back(msSince(start));
        }
        viewer.setWindow(soft);
        // Whole frames: slice change + paint at 1024 x 1024 with annotations and a heatmap
        // (a heatmap belongs to one slice, so each slice gets its own, as from the model).
        const std::vector<float> saliency(24 * 24, 0.5f);
        for (std::size_t z = 0; z < std::min<std::size_t>(slices, 32); ++z) {
            const auto start = Clock::now();
            viewer.setSlice(int(z));
            viewer.setHeatmap(24, 24, saliency, "saliency");
            const QPixmap shot = viewer.grab();
            frames.push_back(msSince(start));
        }
        // Peer 1: the straightforward loop, Window::apply per pixel into a QImage.
        for (std::size_t z = 0; z < std::min<std::size_t>(slices, 16); ++z) {
            const auto start = Clock::now();
            QImage img(static_cast<int>(size), static_cast<int>(size), QImage::Format_Grayscale8);
            for (std::size_t y = 0; y < size; ++y) {
                uchar* line = img.scanLine(int(y));
                for (std::size_t x = 0; x < size; ++x) {
                    line[x] = uchar(std::lround(255.0 * soft.apply(volume->at(x, y, z))));
                }
            }
            naive.push_back(msSince(start));
        }
        // Peer 2: numpy on the same voxels.
        const fs::path raw = dir / "volume.f32";
        {
            std::ofstream out(raw, std::ios::binary);
            out.write(reinterpret_cast<const char*>(volume->voxels.data()),
                      std::streamsize(volume->voxels.size() * sizeof(float)));
        }
        const auto peer = nlohmann::json::parse(vitask::bench::runCommand(
            "/usr/bin/python3 " VITASK_BENCH_PEER " " + raw.string() + " " + std::to_string(size) +
                " " + std::to_string(size) + " " + std::to_string(slices) + " 40 400",
            "/usr/bin/python3 with numpy (python3-numpy)"));

        const double scrollMs = median(scroll), frameMs = median(frames);
        nlohmann::json out{
            {"benchmark", "viewer: time to show the next slice"},
            {"volume", {{"dims", {size, size, slices}}, {"window", "C 40 / W 400"}}},
            {"machine", {{"nproc", std::thread::hardware_concurrency()},
                         {"cpu", vitask::bench::cpuModel()},
                         {"loadavg", vitask::bench::loadAverage()}}},
            {"render_ms_median", {{"scroll", scrollMs}, {"window_drag", median(drag)},
                                  {"naive_apply_loop", median(naive)},
                                  {"numpy", peer["numpy_ms_median"]}}},
            {"frame_ms_median", {{"1024x1024_with_overlays_and_heatmap", frameMs}}},
            {"speedup", {{"vs_naive", median(naive) / scrollMs},
                         {"vs_numpy", peer["numpy_ms_median"].get<double>() / scrollMs}}},
            {"same_bytes_as_numpy", checksum == peer["checksum"].get<std::uint64_t>()},
            {"target", "frame under 16.7 ms (60 fps)"},
            {"met", frameMs < 16.7},
            {"peer", {{"numpy", peer["numpy"]}}}};
        std::cout << out.dump(2) << "\n";
        if (!keep) fs::remove_all(dir);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        if (!keep && !dir.empty()) fs::remove_all(dir);
        return 1;
    }
}
