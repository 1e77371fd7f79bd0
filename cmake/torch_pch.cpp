// Owner of the precompiled torch/torch.h that every LibTorch target reuses
// (see vitask_use_torch in VitaskTargets.cmake). Intentionally has no code.
