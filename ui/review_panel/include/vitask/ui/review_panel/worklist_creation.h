#pragma once
// Making a worklist: the cases a source lists (service::listWorklist, run off the UI
// thread) stored with the model, TSM and question that will answer them.

#include "vitask/service/ask.h"
#include "vitask/service/worklist.h"
#include "vitask/ui/review_store/review_store.h"

#include <QString>

#include <optional>

namespace vitask::ui {

struct WorklistSettings {
    QString name;                 // empty: the source's file name
    QString question;             // empty: the task's complete instruction
    bool blinded = false;
    // The task scored for sources that are not datasets (a DICOM folder): one of the
    // model's tasks by name; empty: the model's first.
    QString taskName;
    QString tsmSource;            // what the TSM was loaded from (registry name or manifest)
};

// The task a worklist of `source` scores: the dataset's own; else the model's task whose
// question template `question` is (as in the AI panel, a template chooses its task);
// else the task named `taskName`, or the model's first; nullopt when the model has none
// (a plain LLaVA).
std::optional<service::TaskInfo> worklistTask(const service::WorklistSource& source, const service::ModelInfo& model,
                                              const QString& taskName, const QString& question = {});

// Creates the worklist and its cases in `store`; returns it. Throws vitask::Error when
// the source lists no case or the store refuses.
Worklist createWorklist(ReviewStore& store, const WorklistSettings& settings, const service::WorklistSource& source,
                        const service::ModelInfo& model, const std::optional<service::TsmEntry>& tsm);

// A stored case as the engine's service takes it (to answer it, to read its image).
service::WorklistCase toServiceCase(const WorklistCase& c);

}  // namespace vitask::ui
