// Imaging benchmark (issue 3, remeasured for "benchmarks that cannot mislead"): a synthetic
// 512x512x300 CT series (real DICOM files written with DCMTK) and the same volume as
// .nii.gz, read or converted by vitask::imaging / `vitask image convert` and by peers on
// the same files:
//   dicom_pydicom   series -> float32 volume, in-process time   pydicom + numpy (Python)
//   dicom_itk       series -> float32 volume, in-process time   ITK ImageSeriesReader + GDCMImageIO (C++)
//   nifti_nibabel   .nii.gz -> float32 volume, in-process time  nibabel get_fdata
//   nifti_itk       .nii.gz -> float32 volume, in-process time  ITK ImageFileReader + NiftiImageIO
//   convert_nii     series -> .nii, whole command               dcm2niix -z n
//   convert_niigz   series -> .nii.gz, whole command            dcm2niix -z i (its internal gzip, one thread)
//   slice_png       one file -> 8-bit PNG (window 40/400), whole command   dcmtk's dcm2pnm +on
// Each comparison runs in two thread modes: "default" (every library's own default; the
// thread variables set to the core count, which is what they default to) and "one_thread"
// (VITASK_IMAGING_THREADS=1, ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS=1, OMP/OPENBLAS 1). Each
// side runs in a fresh process; the runs alternate ours, peer, ours, peer ... for --pairs
// pairs after one untimed warm-up pair; the JSON holds every run, the load average at each
// pair, the median and spread of each side and the median of the per-pair ratios
// (peer / ours: above 1, ours is faster). Both sides' results are compared (voxel sums,
// or the written files read back). Peak memory of our reads as before.
//
// usage: bench_imaging [--slices N] [--pairs N] [--modes default,one_thread]
//                      [--only ID,ID] [--dir FOLDER] [--keep]
// (internally: bench_imaging --measure dicom|nifti PATH, one read in a fresh process)
// Prints one JSON object.
#include "bench_support.h"
#include "synthetic_ct.h"
#include "vitask/imaging/image_loader.h"
#include "vitask/imaging/nifti_reader.h"
#include "vitask/imaging/nifti_writer.h"
#include "vitask/imaging/photo_reader.h"
#include "worker_threads.h"  // core/imaging/src: the thread count our readers use

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::json;
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
    // DICOM: the folder scan and the series read each use this many threads; NIfTI: one
    // gzip stream, inflated and converted on the calling thread.
    const std::size_t threads = kind == "dicom" ? vitask::imaging::detail::imagingThreads(8) : 1;
    std::cout << json{{"s", elapsed}, {"peak_kb", peakKb}, {"start_kb", startKb},
                      {"sum", checksum(volume)}, {"threads", threads}}.dump() << "\n";
    return 0;
}

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs `command` and returns the last line of its standard output that parses as JSON.
json runJson(const std::string& command) {
    const std::string out = vitask::bench::runCommand(command, "the peers: python3-pydicom, python3-nibabel, ITK");
    std::istringstream lines(out);
    std::string line;
    json last;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.front() == '{') last = json::parse(line);
    }
    if (last.is_null()) throw std::runtime_error("no JSON from: " + command + "\n" + out);
    return last;
}

// Wall time of a whole command (process start, libraries, reading, writing, exit).
json timeCommand(const std::string& command) {
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system((command + " >/dev/null 2>&1").c_str());
    const double elapsed = seconds(start);
    if (status != 0) throw std::runtime_error("the command failed (status " + std::to_string(status) + "): " + command);
    return json{{"s", elapsed}};
}

std::string firstLine(const std::string& command) {
    std::string out;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return "";
    char buffer[4096];
    while (fgets(buffer, sizeof buffer, pipe)) out += buffer;
    pclose(pipe);
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line))
        if (!line.empty()) return line;
    return "";
}

double oneMinuteLoad() {
    std::ifstream in("/proc/loadavg");
    double one = 0;
    in >> one;
    return one;
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

json stats(const std::vector<double>& v) {
    return {{"median", quantile(v, 0.5)}, {"min", quantile(v, 0.0)}, {"max", quantile(v, 1.0)},
            {"q1", quantile(v, 0.25)}, {"q3", quantile(v, 0.75)}};
}

struct Comparison {
    std::string id, what, timing, ours, peer;
    std::function<void()> prepare;           // before each pair, untimed (removes outputs)
    std::function<json()> runOurs, runPeer;  // one run each: {"s": seconds, ...}
    std::function<json(const json& ours, const json& peer)> check;  // after the last pair
    std::function<json(const json& ours, const json& peer)> threads;
};

json measure(const Comparison& c, int pairs) {
    json oursRuns = json::array(), peerRuns = json::array();
    std::vector<double> oursS, peerS, ratios, loads;
    json lastOurs, lastPeer;
    for (int p = 0; p <= pairs; ++p) {  // pair 0 warms up (page cache, first start of each program)
        const double load = oneMinuteLoad();
        if (c.prepare) c.prepare();  // both sides' outputs of the pair before
        const json ours = c.runOurs();
        const json peer = c.runPeer();
        if (p == 0) continue;
        oursS.push_back(ours["s"]);
        peerS.push_back(peer["s"]);
        ratios.push_back(peer["s"].get<double>() / ours["s"].get<double>());
        loads.push_back(load);
        oursRuns.push_back(ours);
        peerRuns.push_back(peer);
        lastOurs = ours;
        lastPeer = peer;
    }
    json out{{"id", c.id}, {"what", c.what}, {"timing", c.timing}, {"ours", c.ours}, {"peer", c.peer},
             {"pairs", pairs}, {"order", "ours, peer, ours, peer, ... after one untimed warm-up pair"},
             {"ours_s", oursS}, {"peer_s", peerS}, {"ratio_peer_over_ours", ratios}, {"loadavg_1min", loads},
             {"ours_stats_s", stats(oursS)}, {"peer_stats_s", stats(peerS)}, {"ratio_stats", stats(ratios)},
             {"threads", c.threads(lastOurs, lastPeer)}};
    if (c.check) out["check"] = c.check(lastOurs, lastPeer);
    return out;
}

bool sameSum(double a, double b) { return std::abs(a - b) < 1e-6 * std::abs(a) + 1; }

double maxAbsDiff(const Volume& a, const Volume& b) {
    if (a.voxels.size() != b.voxels.size()) return INFINITY;
    double diff = 0;
    for (std::size_t i = 0; i < a.voxels.size(); ++i) diff = std::max(diff, double(std::abs(a.voxels[i] - b.voxels[i])));
    return diff;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    vitask::bench::SyntheticCt ct;
    int pairs = 5;
    fs::path dir;
    bool keep = false;
    std::vector<std::string> modes{"default", "one_thread"}, only;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--slices" && i + 1 < argc) ct.slices = std::stoul(argv[++i]);
        else if (arg == "--pairs" && i + 1 < argc) pairs = std::max(1, std::stoi(argv[++i]));
        else if (arg == "--modes" && i + 1 < argc) modes = split(argv[++i]);
        else if (arg == "--only" && i + 1 < argc) only = split(argv[++i]);
        else if (arg == "--dir" && i + 1 < argc) dir = argv[++i];
        else if (arg == "--keep") keep = true;
        else if (arg == "--measure" && i + 2 < argc) return measureOnce(argv[i + 1], argv[i + 2]);
        else {
            std::cerr << "usage: bench_imaging [--slices N] [--pairs N] [--modes default,one_thread] "
                         "[--only dicom_pydicom,dicom_itk,nifti_nibabel,nifti_itk,convert_nii,convert_niigz,slice_png] "
                         "[--dir FOLDER] [--keep]\n";
            return 2;
        }
    }
    try {
        const std::string self = fs::read_symlink("/proc/self/exe").string();
        const std::string python = "/usr/bin/python3 " VITASK_BENCH_PEER;
        const std::string itkPeer = VITASK_BENCH_ITK_PEER;
        const std::string cli = VITASK_BENCH_CLI;
        const unsigned nproc = std::max(1u, std::thread::hardware_concurrency());
        const std::string loadStart = vitask::bench::loadAverage();

        dir = vitask::bench::workFolder(dir, "imaging");
        const fs::path series = dir / "series";
        const fs::path nifti = dir / "volume.nii.gz";
        const fs::path out = dir / "out";
        fs::create_directories(series);
        auto start = std::chrono::steady_clock::now();
        ct.write(series);
        const double writeDicom = seconds(start);
        double writeNifti = 0;
        {
            const Volume volume = ImageLoader::load(series);
            start = std::chrono::steady_clock::now();
            NiftiWriter::write(volume, nifti);
            writeNifti = seconds(start);
        }
        char sliceName[32];
        std::snprintf(sliceName, sizeof sliceName, "slice%04zu.dcm", ct.slices / 2);
        const fs::path slice = series / sliceName;
        const auto resetOut = [&] {
            fs::remove_all(out);
            fs::create_directories(out);
        };

        const auto oursRead = [&](const std::string& kind, const fs::path& path) {
            return [&self, kind, path] { return runJson(self + " --measure " + kind + " " + shellQuote(path.string())); };
        };
        const auto pyRead = [&](const std::string& kind, const fs::path& path) {
            return [&python, kind, path] { return runJson(python + " " + kind + " " + shellQuote(path.string())); };
        };
        const auto itkRead = [&](const std::string& kind, const fs::path& path) {
            return [&itkPeer, kind, path] { return runJson(itkPeer + " " + kind + " " + shellQuote(path.string())); };
        };
        const auto sums = [](const json& ours, const json& peer) {
            return json{{"ours_sum", ours["sum"]}, {"peer_sum", peer["sum"]},
                        {"same_values", sameSum(ours["sum"], peer["sum"])}};
        };
        // The two NIfTI files written by the two sides, read back with our reader.
        const auto sameNifti = [&](const fs::path& ours, const fs::path& peerFolder) {
            fs::path peerFile;
            for (const auto& entry : fs::directory_iterator(peerFolder))
                if (NiftiReader::hasNiftiExtension(entry.path())) peerFile = entry.path();
            const Volume a = NiftiReader::read(ours), b = NiftiReader::read(peerFile);
            return json{{"ours_file", ours.filename().string()}, {"ours_bytes", fs::file_size(ours)},
                        {"peer_file", peerFile.filename().string()}, {"peer_bytes", fs::file_size(peerFile)},
                        {"ours_sum", checksum(a)}, {"peer_sum", checksum(b)},
                        {"same_dims", a.dims == b.dims}, {"same_values", sameSum(checksum(a), checksum(b))}};
        };
        const fs::path oursNii = out / "ours.nii", oursNiiGz = out / "ours.nii.gz", oursPng = out / "ours.png";
        const fs::path peerDir = out / "peer";
        const auto resetBoth = [&] {
            resetOut();
            fs::create_directories(peerDir);
        };
        const auto dcm2niix = [&](const std::string& z) {
            return "dcm2niix -z " + z + " -b n -f peer -o " + shellQuote(peerDir.string()) + " " + shellQuote(series.string());
        };

        std::vector<Comparison> comparisons{
            {"dicom_pydicom", "DICOM series (" + std::to_string(ct.slices) + " files) -> float32 volume",
             "in-process, from the call to the ready volume (each run a fresh process)",
             "vitask::imaging ImageLoader::load", "pydicom + numpy (read, sort along the normal, stack, rescale)",
             nullptr, oursRead("dicom", series), pyRead("dicom", series), sums,
             [](const json& o, const json&) { return json{{"ours", o["threads"]}, {"peer", 1}}; }},
            {"dicom_itk", "DICOM series (" + std::to_string(ct.slices) + " files) -> float32 volume",
             "in-process, from the call to the ready volume (each run a fresh process)",
             "vitask::imaging ImageLoader::load", "ITK 5.2 GDCMSeriesFileNames + ImageSeriesReader + GDCMImageIO (C++)",
             nullptr, oursRead("dicom", series), itkRead("dicom", series), sums,
             [](const json& o, const json& p) {
                 return json{{"ours", o["threads"]}, {"peer", 1}, {"peer_itk_multithreader", p["itk_threads"]},
                             {"note", "GDCM reads the files one after another; ITK's multi-threader is not used by the series read"}};
             }},
            {"nifti_nibabel", "NIfTI .nii.gz (int16) -> float32 volume", "in-process, from the call to the ready volume (each run a fresh process)",
             "vitask::imaging NiftiReader::read", "nibabel get_fdata(dtype=float32)",
             nullptr, oursRead("nifti", nifti), pyRead("nifti", nifti), sums,
             [](const json& o, const json&) { return json{{"ours", o["threads"]}, {"peer", 1}}; }},
            {"nifti_itk", "NIfTI .nii.gz (int16) -> float32 volume", "in-process, from the call to the ready volume (each run a fresh process)",
             "vitask::imaging NiftiReader::read", "ITK 5.2 ImageFileReader + NiftiImageIO (C++)",
             nullptr, oursRead("nifti", nifti), itkRead("nifti", nifti), sums,
             [](const json& o, const json& p) {
                 return json{{"ours", o["threads"]}, {"peer", 1}, {"peer_itk_multithreader", p["itk_threads"]},
                             {"note", "one gzip stream on both sides"}};
             }},
            {"convert_nii", "DICOM series -> NIfTI .nii (uncompressed)", "whole command (wall time, process start to exit)",
             "vitask image convert SERIES out.nii", "dcm2niix -z n -b n (no gzip, no BIDS sidecar)",
             resetBoth, [&] { return timeCommand(cli + " image convert " + shellQuote(series.string()) + " " + shellQuote(oursNii.string())); },
             [&] { return timeCommand(dcm2niix("n")); },
             [&](const json&, const json&) { return sameNifti(oursNii, peerDir); },
             [&](const json&, const json&) {
                 return json{{"ours", vitask::imaging::detail::imagingThreads(8)}, {"peer", 1},
                             {"note", "ours: threads for the scan and the read, one for writing; dcm2niix: one"}};
             }},
            {"convert_niigz", "DICOM series -> NIfTI .nii.gz", "whole command (wall time, process start to exit)",
             "vitask image convert SERIES out.nii.gz (ITK's NIfTI writer, zlib)",
             "dcm2niix -z i -b n (its internal gzip, miniz, level 6; one thread)",
             resetBoth, [&] { return timeCommand(cli + " image convert " + shellQuote(series.string()) + " " + shellQuote(oursNiiGz.string())); },
             [&] { return timeCommand(dcm2niix("i")); },
             [&](const json&, const json&) { return sameNifti(oursNiiGz, peerDir); },
             [&](const json&, const json&) {
                 return json{{"ours", vitask::imaging::detail::imagingThreads(8)}, {"peer", 1},
                             {"note", "ours: threads for the scan and the read, one for gzip; dcm2niix -z i: one"}};
             }},
            {"slice_png", "one DICOM file (512 x 512) -> 8-bit PNG, window 40/400", "whole command (wall time, process start to exit)",
             "vitask image convert FILE out.png --window 40,400", "dcm2pnm +on +Ww 40 400 (DCMTK 3.6.7)",
             resetBoth,
             [&] { return timeCommand(cli + " image convert " + shellQuote(slice.string()) + " " + shellQuote(oursPng.string()) + " --window 40,400"); },
             [&] { return timeCommand("dcm2pnm +on +Ww 40 400 " + shellQuote(slice.string()) + " " + shellQuote((peerDir / "peer.png").string())); },
             [&](const json&, const json&) {
                 const Volume a = PhotoReader::read(oursPng), b = PhotoReader::read(peerDir / "peer.png");
                 const double diff = maxAbsDiff(a, b);
                 std::size_t differing = 0;
                 if (a.voxels.size() == b.voxels.size())
                     for (std::size_t i = 0; i < a.voxels.size(); ++i) differing += a.voxels[i] != b.voxels[i];
                 return json{{"same_dims", a.dims == b.dims}, {"max_abs_diff_grey_levels", diff},
                             {"pixels_differing", differing}, {"pixels", a.voxels.size()}, {"same_values", diff == 0}};
             },
             [](const json&, const json&) { return json{{"ours", 1}, {"peer", 1}, {"note", "one file: one thread on both sides"}}; }},
        };

        json results = json::object();
        json firstOurs, firstPeerPy, firstPeerItk;
        for (const std::string& mode : modes) {
            if (mode != "default" && mode != "one_thread") throw std::runtime_error("unknown mode " + mode);
            const std::string n = mode == "default" ? std::to_string(nproc) : "1";
            json env{{"OMP_NUM_THREADS", n}, {"OPENBLAS_NUM_THREADS", n}, {"ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS", n}};
            setenv("OMP_NUM_THREADS", n.c_str(), 1);
            setenv("OPENBLAS_NUM_THREADS", n.c_str(), 1);
            setenv("ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS", n.c_str(), 1);
            if (mode == "one_thread") {
                setenv("VITASK_IMAGING_THREADS", "1", 1);
                env["VITASK_IMAGING_THREADS"] = "1";
            } else {
                unsetenv("VITASK_IMAGING_THREADS");
                env["VITASK_IMAGING_THREADS"] = "(unset: every core, at most 8)";
            }
            json list = json::array();
            for (const auto& c : comparisons) {
                if (!only.empty() && std::find(only.begin(), only.end(), c.id) == only.end()) continue;
                std::cerr << "bench_imaging: " << mode << " " << c.id << " (load " << vitask::bench::loadAverage() << ")\n";
                list.push_back(measure(c, pairs));
            }
            results[mode] = {{"env", env}, {"comparisons", list}};
        }

        // Context for the whole-command rows: what starting our CLI alone costs (it loads
        // LibTorch, OpenCV, ITK and DCMTK whatever the command), one warm-up then `pairs` runs.
        std::vector<double> cliStart;
        for (int p = 0; p <= pairs; ++p) {
            const double s = timeCommand(cli + " --help")["s"];
            if (p > 0) cliStart.push_back(s);
        }

        // Peak memory of our reads (default threads), in fresh processes as before.
        unsetenv("VITASK_IMAGING_THREADS");
        const double volumeMb = double(ct.columns * ct.rows * ct.slices * sizeof(float)) / (1 << 20);
        auto memory = [&](const std::string& kind, const fs::path& path) {
            const json one = runJson(self + " --measure " + kind + " " + shellQuote(path.string()));
            const double peakKb = one["peak_kb"], startKb = one["start_kb"];
            return json{{"peak_rss_mb", peakKb / 1024}, {"rss_at_start_mb", startKb / 1024},
                        {"peak_over_volume", peakKb / 1024 / volumeMb},
                        {"growth_over_volume", (peakKb - startKb) / 1024 / volumeMb},
                        {"met", (peakKb - startKb) / 1024 / volumeMb <= 1.3}};
        };
        const json pyVersions = runJson(python + " nifti " + shellQuote(nifti.string()));
        const json itkVersion = runJson(itkPeer + " nifti " + shellQuote(nifti.string()));

        json outJson{
            {"benchmark", "imaging: time to a ready float32 volume and conversions, alternating runs against peers"},
            {"command", [&] {
                 std::string c = "bench_imaging --pairs " + std::to_string(pairs) + " --modes ";
                 for (std::size_t i = 0; i < modes.size(); ++i) c += (i ? "," : "") + modes[i];
                 if (!only.empty()) {
                     c += " --only ";
                     for (std::size_t i = 0; i < only.size(); ++i) c += (i ? "," : "") + only[i];
                 }
                 return c;
             }()},
            {"volume", {{"dims", {ct.columns, ct.rows, ct.slices}}, {"float32_mb", volumeMb},
                        {"dicom_files", ct.slices}, {"nifti_mb", double(fs::file_size(nifti)) / (1 << 20)},
                        {"slice_file", slice.filename().string()}}},
            {"machine", {{"nproc", nproc}, {"cpu", vitask::bench::cpuModel()},
                         {"loadavg_start", loadStart}, {"loadavg_end", vitask::bench::loadAverage()}}},
            {"versions", {{"vitask", firstLine(cli + " --version")}, {"dcm2niix", firstLine("dcm2niix --version")},
                          {"dcm2pnm", firstLine("dcm2pnm --version")}, {"itk", itkVersion["itk"]},
                          {"pydicom", pyVersions["pydicom"]}, {"nibabel", pyVersions["nibabel"]},
                          {"numpy", pyVersions["numpy"]}}},
            {"setup_s", {{"write_dicom", writeDicom}, {"write_nifti", writeNifti}}},
            {"modes", results},
            {"context", {{"vitask_cli_start", {{"command", "vitask --help (whole command, default threads)"},
                                               {"runs_s", cliStart}, {"stats_s", stats(cliStart)}}}}},
            {"memory", {{"dicom", memory("dicom", series)}, {"nifti", memory("nifti", nifti)},
                        {"target", "growth_over_volume <= 1.3 (whole-process peak_over_volume reported too)"}}},
            {"ratio", "peer seconds / our seconds per pair: above 1, ours is faster"}};
        std::cout << outJson.dump(2) << "\n";
        if (!keep) fs::remove_all(dir);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        if (!keep && !dir.empty()) fs::remove_all(dir);
        return 1;
    }
}
