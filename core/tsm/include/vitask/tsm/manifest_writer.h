#pragma once
// Writes the JSON manifest of an ONNX TSM, the file TsmManifest::read reads (format:
// docs/formats.md, "TSM manifests"), so that tools that add a TSM (the studio's "Add ONNX
// TSM" form) never write the format by hand. Plain types: the studio includes it.

#include "vitask/tsm/tsm_manifest.h"

#include <string>

namespace vitask::tsm {

// The manifest as JSON text, fields in the order docs/formats.md lists them. "onnx" is
// relative to the manifest's folder when the model lies in it or below (the folder can
// move as a whole), else absolute. Channel values are written in their shortest form
// (0.485, not 0.48500001430511475).
std::string manifestJson(const TsmManifest& manifest);

// Writes manifest.path atomically (vitask/common/atomic_file.h): the registry never lists
// a half-written manifest, and a failed write leaves a previous file as it was. The text
// is read back with TsmManifest::read before it replaces anything, so a manifest the
// registry would refuse to read (an empty label, a mean per channel missing) is never
// written. Throws vitask::Error naming manifest.path and, where one is at fault, the
// field; the folder must exist.
void writeManifest(const TsmManifest& manifest);

}  // namespace vitask::tsm
