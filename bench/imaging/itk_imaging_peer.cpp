// C++ peer of bench_imaging: ITK's own readers on the same files, as an ITK user reads them.
//   itk_imaging_peer dicom FOLDER   GDCMSeriesFileNames (the folder's one series, sorted by
//                                   GDCM along the slice normal) + ImageSeriesReader with
//                                   GDCMImageIO into itk::Image<float, 3> (rescale applied)
//   itk_imaging_peer nifti FILE     ImageFileReader with NiftiImageIO into itk::Image<float, 3>
// One read in this (fresh) process, timed from the start (file listing included) to the
// ready volume; prints one JSON line: seconds, the voxel sum, the process's peak memory,
// and the thread count ITK's multi-threader would use (ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS
// or the core count). GDCM reads the files one after another, whatever that count is.
#include <itkGDCMImageIO.h>
#include <itkGDCMSeriesFileNames.h>
#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageRegionConstIterator.h>
#include <itkImageSeriesReader.h>
#include <itkMultiThreaderBase.h>
#include <itkNiftiImageIO.h>
#include <itkVersion.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using Image = itk::Image<float, 3>;

// A /proc/self/status field in kB. bench_imaging has the same few lines: the peer links
// ITK alone, no VITask library, so that nothing of ours is in the process it measures.
double statusKb(const std::string& key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(key + ":", 0) == 0) return std::atof(line.c_str() + key.size() + 1);
    }
    return 0;
}

Image::Pointer readSeries(const std::string& folder) {
    auto names = itk::GDCMSeriesFileNames::New();
    names->SetUseSeriesDetails(true);
    names->SetDirectory(folder);
    const auto& uids = names->GetSeriesUIDs();
    if (uids.size() != 1) throw std::runtime_error("expected one series in " + folder);
    auto reader = itk::ImageSeriesReader<Image>::New();
    reader->SetImageIO(itk::GDCMImageIO::New());
    reader->SetFileNames(names->GetFileNames(uids.front()));
    reader->Update();
    return reader->GetOutput();
}

Image::Pointer readNifti(const std::string& file) {
    auto reader = itk::ImageFileReader<Image>::New();
    reader->SetImageIO(itk::NiftiImageIO::New());
    reader->SetFileName(file);
    reader->Update();
    return reader->GetOutput();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 || (std::string(argv[1]) != "dicom" && std::string(argv[1]) != "nifti")) {
        std::cerr << "usage: itk_imaging_peer dicom FOLDER | nifti FILE\n";
        return 2;
    }
    try {
        const double startKb = statusKb("VmRSS");
        const auto start = std::chrono::steady_clock::now();
        const Image::Pointer image = std::string(argv[1]) == "dicom" ? readSeries(argv[2]) : readNifti(argv[2]);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double peakKb = statusKb("VmHWM");
        double sum = 0;
        for (itk::ImageRegionConstIterator<Image> it(image, image->GetLargestPossibleRegion()); !it.IsAtEnd(); ++it)
            sum += it.Get();
        const auto size = image->GetLargestPossibleRegion().GetSize();
        std::printf("{\"s\": %.9g, \"sum\": %.17g, \"peak_kb\": %.0f, \"start_kb\": %.0f, \"dims\": [%lu, %lu, %lu], "
                    "\"itk_threads\": %u, \"itk\": \"%s\"}\n",
                    seconds, sum, peakKb, startKb, static_cast<unsigned long>(size[0]),
                    static_cast<unsigned long>(size[1]), static_cast<unsigned long>(size[2]),
                    itk::MultiThreaderBase::GetGlobalDefaultNumberOfThreads(), itk::Version::GetITKVersion());
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "itk_imaging_peer: " << e.what() << "\n";
        return 1;
    }
}
