// Imaging benchmark (issue 3): time to a ready float32 volume for a synthetic 512x512x300
// CT series (real DICOM files written with DCMTK) with vitask::imaging against pydicom +
// numpy on the same files, and for the same volume as .nii.gz against nibabel; peak
// memory (VmHWM of a fresh process per read) relative to the decoded volume, whole-process
// and as growth over the process at start (libraries), which is what the reader allocates.
// usage: bench_imaging [--slices N] [--repeats N] [--dir FOLDER] [--keep]
// (internally: bench_imaging --measure dicom|nifti PATH, one read in a fresh process)
// Prints one JSON object. Ratios, not absolute times, are the point: the peer runs in the
// same invocation on the same files.
#include "bench_support.h"
#include "synthetic_ct.h"
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/nifti_reader.h"
#include "vitask/imaging/nifti_writer.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace vitask::imaging;

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// A /proc/self/status field in kB.
double statusKb(const std::string& key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(key + ":", 0) == 0) return std::atof(line.c_str() + key.size() + 1);
    }
    return 0;
}

struct Timing {
    double best = 1e300, peakKb = 0, startKb = 0, sum = 0;
};

double checksum(const Volume& v) {
    double sum = 0;
    for (const float x : v.voxels) sum += x;
    return sum;
}

// One read in this (fresh) process: the peak is the whole process's, libraries included.
int measureOnce(const std::string& kind, const fs::path& path) {
    const double startKb = statusKb("VmRSS");
    const auto start = std::chrono::steady_clock::now();
    const Volume volume = kind == "dicom" ? ImageLoader::load(path) : NiftiReader::read(path);
    const double elapsed = seconds(start);
    const double peakKb = statusKb("VmHWM");
    std::cout << nlohmann::json{{"s", elapsed}, {"peak_kb", peakKb}, {"start_kb", startKb},
                                {"sum", checksum(volume)}}.dump() << "\n";
    return 0;
}

std::string run(const std::string& command);

// Each repeat in a fresh process, so that neither the page cache of our own allocator nor
// an earlier read inflates (or hides) the peak.
Timing measure(int repeats, const std::string& kind, const fs::path& path) {
    Timing t;
    for (int r = 0; r < repeats; ++r) {
        const auto one = nlohmann::json::parse(run(fs::read_symlink("/proc/self/exe").string() + " --measure " + kind + " " + path.string()));
        t.best = std::min(t.best, one["s"].get<double>());
        if (one["peak_kb"].get<double>() > t.peakKb) {
            t.peakKb = one["peak_kb"];
            t.startKb = one["start_kb"];
        }
        t.sum = one["sum"];
    }
    return t;
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    pclose(pipe);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    vitask::bench::SyntheticCt ct;
    int repeats = 3;
    fs::path dir;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--slices" && i + 1 < argc) ct.slices = std::stoul(argv[++i]);
        else if (arg == "--repeats" && i + 1 < argc) repeats = std::stoi(argv[++i]);
        else if (arg == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (arg == "--keep") keep = true;
        else if (arg == "--measure" && i + 2 < argc) return measureOnce(argv[i + 1], argv[i + 2]);
        else {
            std::cerr << "usage: bench_imaging [--slices N] [--repeats N] [--dir FOLDER] [--keep]\n";
            return 2;
        }
    }
    try {
        dir = vitask::bench::workFolder(dir, "imaging");
        const fs::path series = dir / "series";
        const fs::path nifti = dir / "volume.nii.gz";
        fs::create_directories(series);
        auto start = std::chrono::steady_clock::now();
        ct.write(series);
        const double writeDicom = seconds(start);

        const Timing dicom = measure(repeats, "dicom", series);
        {
            const Volume volume = ImageLoader::load(series);
            start = std::chrono::steady_clock::now();
            NiftiWriter::write(volume, nifti);
        }
        const double writeNifti = seconds(start);
        const Timing nii = measure(repeats, "nifti", nifti);

        const std::string peerOut = run("/usr/bin/python3 " VITASK_BENCH_PEER " " + series.string() + " " +
                                        nifti.string() + " " + std::to_string(repeats));
        const auto peer = nlohmann::json::parse(peerOut);

        const double volumeMb = double(ct.columns * ct.rows * ct.slices * sizeof(float)) / (1 << 20);
        auto memory = [&](const Timing& t) {
            return nlohmann::json{{"peak_rss_mb", t.peakKb / 1024},
                                  {"rss_at_start_mb", t.startKb / 1024},
                                  {"peak_over_volume", t.peakKb / 1024 / volumeMb},
                                  // Without what the process held before reading (libraries):
                                  // what the reader allocates, which the target is about.
                                  {"growth_over_volume", (t.peakKb - t.startKb) / 1024 / volumeMb},
                                  {"met", (t.peakKb - t.startKb) / 1024 / volumeMb <= 1.3}};
        };
        const double dicomSpeedup = peer["pydicom_s"].get<double>() / dicom.best;
        const double niftiSpeedup = peer["nibabel_s"].get<double>() / nii.best;
        nlohmann::json out{
            {"benchmark", "imaging: time to a ready float32 volume"},
            {"volume", {{"dims", {ct.columns, ct.rows, ct.slices}}, {"float32_mb", volumeMb},
                        {"dicom_files", ct.slices}, {"nifti_mb", double(fs::file_size(nifti)) / (1 << 20)}}},
            {"machine", {{"nproc", std::thread::hardware_concurrency()}, {"cpu", vitask::bench::cpuModel()},
                         {"loadavg", run("cut -d' ' -f1-3 /proc/loadavg")}}},
            {"repeats", repeats},
            {"setup_s", {{"write_dicom", writeDicom}, {"write_nifti", writeNifti}}},
            {"dicom", {{"vitask_s", dicom.best}, {"pydicom_s", peer["pydicom_s"]}, {"speedup", dicomSpeedup},
                       {"target", 3.0}, {"met", dicomSpeedup >= 3.0},
                       {"same_values", std::abs(dicom.sum - peer["pydicom_checksum"].get<double>()) < 1e-6 * std::abs(dicom.sum) + 1},
                       {"memory", memory(dicom)}}},
            {"nifti", {{"vitask_s", nii.best}, {"nibabel_s", peer["nibabel_s"]}, {"speedup", niftiSpeedup},
                       {"target", 2.0}, {"met", niftiSpeedup >= 2.0},
                       {"same_values", std::abs(nii.sum - peer["nibabel_checksum"].get<double>()) < 1e-6 * std::abs(nii.sum) + 1},
                       {"memory", memory(nii)}}},
            {"memory_target", "growth_over_volume <= 1.3 (whole-process peak_over_volume reported too)"},
            {"peer", {{"peak_rss_mb", peer["peak_rss_mb"]}, {"pydicom", peer["pydicom"]},
                      {"nibabel", peer["nibabel"]}, {"numpy", peer["numpy"]}}}};
        std::cout << out.dump(2) << "\n";
        if (!keep) fs::remove_all(dir);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        if (!keep && !dir.empty()) fs::remove_all(dir);
        return 1;
    }
}
