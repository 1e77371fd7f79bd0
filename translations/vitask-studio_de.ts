<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>InputNormalization</name>
    <message>
        <location filename="../ui/plugins_panel/src/input_normalization.cpp" line="46"/>
        <source>ImageNet</source>
        <translation>ImageNet</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/input_normalization.cpp" line="47"/>
        <source>[0.5]</source>
        <translation>[0.5]</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/input_normalization.cpp" line="48"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/input_normalization.cpp" line="51"/>
        <source>custom</source>
        <translation>benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/input_normalization.cpp" line="58"/>
        <source>mean [%1], std [%2]</source>
        <translation>Mittelwert [%1], Std.-Abw. [%2]</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/tuning_wizard/src/form_widgets.cpp" line="25"/>
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>TsmDetails</name>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="31"/>
        <source>Broken: it cannot be used until this is fixed.</source>
        <translation>Defekt: Es kann erst nach einer Korrektur verwendet werden.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="37"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="38"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="38"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="39"/>
        <source>broken</source>
        <translation>defekt</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="40"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="42"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="42"/>
        <source>%1 × %2 pixels; channels: %3</source>
        <translation>%1 × %2 Pixel; Kanäle: %3</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="46"/>
        <source>Normalisation</source>
        <translation>Normalisierung</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="47"/>
        <source>%1 (mean [%2], std [%3])</source>
        <translation>%1 (Mittelwert [%2], Std.-Abw. [%3])</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="51"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="51"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="53"/>
        <source>multi-label (sigmoid)</source>
        <translation>Multi-Label (Sigmoid)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="53"/>
        <source>one per image (softmax)</source>
        <translation>eines pro Bild (Softmax)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="55"/>
        <source>Feature width</source>
        <translation>Merkmalsbreite</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="58"/>
        <source>Removable</source>
        <translation>Entfernbar</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="58"/>
        <source>yes: it is in your folder</source>
        <translation>ja: Es liegt in Ihrem Ordner</translation>
    </message>
</context>
<context>
    <name>TsmRemoval</name>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_removal.cpp" line="45"/>
        <source>“%1” is a built-in checkpoint (%2): the studio does not delete trained weights. Delete its folder yourself if you no longer need it.</source>
        <translation>„%1“ ist ein eingebauter Checkpoint (%2): Das Studio löscht keine trainierten Gewichte. Löschen Sie seinen Ordner selbst, wenn Sie ihn nicht mehr brauchen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_removal.cpp" line="49"/>
        <source>%1 is not in your folders (%2 for manifests, %3 for plug-ins): the studio removes only TSMs added there. Remove the file yourself if you mean to.</source>
        <translation>%1 liegt nicht in Ihren Ordnern (%2 für Manifeste, %3 für Plug-ins): Das Studio entfernt nur dort hinzugefügte TSMs. Entfernen Sie die Datei selbst, wenn Sie das wollen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_removal.cpp" line="59"/>
        <source>Could not delete %1: %2. Check that it still exists and that you may write to its folder.</source>
        <translation>%1 konnte nicht gelöscht werden: %2. Prüfen Sie, ob es noch existiert und ob Sie in seinen Ordner schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_removal.cpp" line="62"/>
        <source>it does not exist</source>
        <translation>es existiert nicht</translation>
    </message>
</context>
<context>
    <name>vitask::ui::AddOnnxTsmDialog</name>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="87"/>
        <source>Add ONNX TSM</source>
        <translation>ONNX-TSM hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="98"/>
        <source>Describe an ONNX image classifier so the studio can use it as a task-specific model. Its manifest is written to your TSM folder and the model is loaded at once to check it.</source>
        <translation>Beschreiben Sie einen ONNX-Bildklassifikator, damit das Studio ihn als aufgabenspezifisches Modell verwenden kann. Sein Manifest wird in Ihren TSM-Ordner geschrieben und das Modell sofort zur Prüfung geladen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="126"/>
        <source>Checking: loading the model and running a probe batch…</source>
        <translation>Prüfe: Modell wird geladen und ein Probe-Batch ausgeführt…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="132"/>
        <source>Add and check</source>
        <translation>Hinzufügen und prüfen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="140"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="145"/>
        <source>/path/to/model.onnx</source>
        <translation>/pfad/zu/model.onnx</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="146"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="149"/>
        <source>ONNX file:</source>
        <translation>ONNX-Datei:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="152"/>
        <source>What users pick the TSM by; unique among the TSMs listed.</source>
        <translation>Der Name, unter dem Benutzer das TSM wählen; eindeutig unter den aufgeführten TSMs.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="153"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="156"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="159"/>
        <source>optional: one line, e.g. the training data</source>
        <translation>optional: eine Zeile, z. B. die Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="160"/>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="172"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="176"/>
        <source>The graph input that takes the image batch [N, C, H, W] (torch.onnx.export&apos;s input_names).</source>
        <translation>Der Graph-Eingang, der den Bild-Batch [N, C, H, W] entgegennimmt (input_names von torch.onnx.export).</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="178"/>
        <source>Input name:</source>
        <translation>Eingangsname:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="188"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="194"/>
        <source>Size (height × width):</source>
        <translation>Größe (Höhe × Breite):</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="198"/>
        <source>3 (RGB)</source>
        <translation>3 (RGB)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="199"/>
        <source>1 (grey)</source>
        <translation>1 (Graustufen)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="200"/>
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="207"/>
        <source>Applied after scaling pixels to [0, 1]: (x − mean) / std per channel. Use what the model was trained with.</source>
        <translation>Angewendet, nachdem die Pixel auf [0, 1] skaliert wurden: (x − Mittelwert) / Std.-Abw. pro Kanal. Verwenden Sie die Werte aus dem Training des Modells.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="209"/>
        <source>Normalisation:</source>
        <translation>Normalisierung:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="214"/>
        <source>one number per channel, comma separated</source>
        <translation>eine Zahl pro Kanal, durch Kommas getrennt</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="215"/>
        <source>Mean:</source>
        <translation>Mittelwert:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="216"/>
        <source>Std:</source>
        <translation>Std.-Abw.:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="226"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="228"/>
        <source>Class names in the order of the model&apos;s logits, one per line.</source>
        <translation>Klassennamen in der Reihenfolge der Logits des Modells, einer pro Zeile.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="231"/>
        <source>normal
pneumonia</source>
        <translation>normal
pneumonia</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="236"/>
        <source>From file…</source>
        <translation>Aus Datei…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="237"/>
        <source>A text file with one label per line, or a JSON array of strings</source>
        <translation>Eine Textdatei mit einem Label pro Zeile oder ein JSON-Array von Zeichenketten</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="241"/>
        <source>Multi-label (a sigmoid per label)</source>
        <translation>Multi-Label (ein Sigmoid pro Label)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="243"/>
        <source>Off: one class per image (softmax over the labels).</source>
        <translation>Aus: eine Klasse pro Bild (Softmax über die Labels).</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="252"/>
        <source>Outputs</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="256"/>
        <source>The graph output holding the class logits [N, labels].</source>
        <translation>Der Graph-Ausgang mit den Klassen-Logits [N, Labels].</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="257"/>
        <source>Logits:</source>
        <translation>Logits:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="260"/>
        <source>The graph output holding the pooled feature vector [N, F]: the exemplar VITask&apos;s EP feeds the model.</source>
        <translation>Der Graph-Ausgang mit dem gepoolten Merkmalsvektor [N, F]: das Exemplar, das VITasks EP dem Modell übergibt.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="262"/>
        <source>Features:</source>
        <translation>Merkmale:</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="323"/>
        <source>Cannot read the label file %1: %2. Choose a readable text file.</source>
        <translation>Die Label-Datei %1 kann nicht gelesen werden: %2. Wählen Sie eine lesbare Textdatei.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="332"/>
        <source>%1 is not a JSON array of label names (%2). Give a JSON array of strings, or a text file with one label per line.</source>
        <translation>%1 ist kein JSON-Array von Label-Namen (%2). Geben Sie ein JSON-Array von Zeichenketten an oder eine Textdatei mit einem Label pro Zeile.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="334"/>
        <source>not an array</source>
        <translation>kein Array</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="376"/>
        <source>Choose an ONNX classifier</source>
        <translation>ONNX-Klassifikator wählen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="377"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX-Modelle (*.onnx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="382"/>
        <source>Choose a label file</source>
        <translation>Label-Datei wählen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="383"/>
        <source>Label lists (*.txt *.json);;All files (*)</source>
        <translation>Label-Listen (*.txt *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="389"/>
        <source>No labels yet</source>
        <translation>Noch keine Labels</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="389"/>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="394"/>
        <source>The manifest goes to %1 once the TSM has a name.</source>
        <translation>Das Manifest kommt nach %1, sobald das TSM einen Namen hat.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="397"/>
        <source>The manifest is saved as %1; the .onnx file stays where it is and the manifest refers to it.</source>
        <translation>Das Manifest wird als %1 gespeichert; die .onnx-Datei bleibt, wo sie ist, und das Manifest verweist auf sie.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="404"/>
        <source>Choose the .onnx file (Browse…).</source>
        <translation>Wählen Sie die .onnx-Datei (Durchsuchen…).</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="405"/>
        <source>The ONNX file %1 does not exist. Choose an existing .onnx file.</source>
        <translation>Die ONNX-Datei %1 existiert nicht. Wählen Sie eine vorhandene .onnx-Datei.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="407"/>
        <source>Give the TSM a name: users pick it by that name.</source>
        <translation>Geben Sie dem TSM einen Namen: Benutzer wählen es unter diesem Namen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="410"/>
        <source>A TSM named “%1” is already listed (%2). Choose another name, or remove that one first.</source>
        <translation>Ein TSM namens „%1“ ist bereits aufgeführt (%2). Wählen Sie einen anderen Namen oder entfernen Sie jenes zuerst.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="413"/>
        <source>%1 already exists. Choose another name, or remove that TSM first.</source>
        <translation>%1 existiert bereits. Wählen Sie einen anderen Namen oder entfernen Sie dieses TSM zuerst.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="414"/>
        <source>Give a version, e.g. 1.0.</source>
        <translation>Geben Sie eine Version an, z. B. 1.0.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="415"/>
        <source>Give the input name: the graph input that takes the images.</source>
        <translation>Geben Sie den Eingangsnamen an: den Graph-Eingang, der die Bilder entgegennimmt.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="420"/>
        <source>Mean: give one number per channel (%1), separated by commas.</source>
        <translation>Mittelwert: Geben Sie eine Zahl pro Kanal (%1) an, durch Kommas getrennt.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="422"/>
        <source>Std: give one number per channel (%1), separated by commas.</source>
        <translation>Std.-Abw.: Geben Sie eine Zahl pro Kanal (%1) an, durch Kommas getrennt.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="424"/>
        <source>Std: every value must be positive (it divides).</source>
        <translation>Std.-Abw.: Jeder Wert muss positiv sein (es wird durch ihn geteilt).</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="427"/>
        <source>List the labels, one per line, in the order of the model&apos;s logits.</source>
        <translation>Führen Sie die Labels auf, eines pro Zeile, in der Reihenfolge der Logits des Modells.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="430"/>
        <source>Labels: “%1” appears twice; each class needs its own name.</source>
        <translation>Labels: „%1“ kommt zweimal vor; jede Klasse braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="434"/>
        <source>Give the names of the logits and features outputs.</source>
        <translation>Geben Sie die Namen der Ausgänge für Logits und Merkmale an.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="470"/>
        <source>The manifest could not be written: %1</source>
        <translation>Das Manifest konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="498"/>
        <source>Loading %1 as described failed, so the manifest was not kept. Correct the form and try again.

%2</source>
        <translation>%1 ließ sich wie beschrieben nicht laden, daher wurde das Manifest nicht behalten. Korrigieren Sie das Formular und versuchen Sie es erneut.

%2</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="503"/>
        <source>

The manifest %1 could not be deleted (%2): delete it yourself.</source>
        <translation>

Das Manifest %1 konnte nicht gelöscht werden (%2): Löschen Sie es selbst.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::AgreementBadge</name>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="22"/>
        <source>Agree: %1</source>
        <translation>Übereinstimmung: %1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="26"/>
        <source>Disagree: VLM %1, TSM %2</source>
        <translation>Widerspruch: VLM %1, TSM %2</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="30"/>
        <source>VLM unsure (TSM: %1)</source>
        <translation>VLM unsicher (TSM: %1)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="34"/>
        <source>No comparison</source>
        <translation>Kein Vergleich</translation>
    </message>
</context>
<context>
    <name>vitask::ui::AiPanel</name>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="34"/>
        <source>VITask model</source>
        <translation>VITask-Modell</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="34"/>
        <source>LLaVA checkpoint</source>
        <translation>LLaVA-Checkpoint</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="35"/>
        <source> · %1 · %2 M parameters</source>
        <translation> · %1 · %2 Mio. Parameter</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="36"/>
        <source> · EP (TSM width %1)</source>
        <translation> · EP (TSM-Breite %1)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="184"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="185"/>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="186"/>
        <source>Recent models: a VITask run&apos;s final/ folder or a Hugging Face LLaVA folder.</source>
        <translation>Zuletzt verwendete Modelle: der Ordner final/ eines VITask-Laufs oder ein Hugging-Face-LLaVA-Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="187"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="188"/>
        <source>Load a model folder (Ctrl+M)</source>
        <translation>Modellordner laden (Strg+M)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="85"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="238"/>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="189"/>
        <source>The task-specific model (image classifier) to compare with, and whose exemplar EP feeds.</source>
        <translation>Das aufgabenspezifische Modell (Bildklassifikator) zum Vergleich, dessen Exemplar EP einspeist.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="190"/>
        <source>TSM:</source>
        <translation>TSM:</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="192"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="193"/>
        <source>The task whose label set is scored; its modality and labels fill the templates.</source>
        <translation>Die Aufgabe, deren Labelmenge bewertet wird; ihre Modalität und Labels füllen die Vorlagen.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="194"/>
        <source>The paper&apos;s instruction and its robustness variants (incomplete, paraphrased, ...).</source>
        <translation>Die Instruktion der Publikation und ihre Robustheitsvarianten (unvollständig, umformuliert, …).</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="195"/>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="196"/>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="197"/>
        <source>Ask about the image shown…</source>
        <translation>Frage zum angezeigten Bild…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="198"/>
        <source>Answer with the TSM&apos;s exemplar (EP)</source>
        <translation>Mit dem Exemplar des TSM antworten (EP)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="199"/>
        <source>VITask w/ EP: the TSM&apos;s feature is fed to the model. Without it the model answers alone, as it would be deployed.</source>
        <translation>VITask mit EP: Das Merkmal des TSM wird dem Modell übergeben. Ohne EP antwortet das Modell allein, wie im Einsatz.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="201"/>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="202"/>
        <source>Ask about the slice shown (Ctrl+Return)</source>
        <translation>Zur angezeigten Schicht fragen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="203"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="204"/>
        <source>Stop the answer (Esc)</source>
        <translation>Antwort abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="205"/>
        <source>%v / %m tokens</source>
        <translation>%v / %m Token</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="207"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="208"/>
        <source>TSM saliency</source>
        <translation>TSM-Salienz</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="209"/>
        <source>Show (H)</source>
        <translation>Anzeigen (H)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="210"/>
        <source>Opacity of the heatmap over the image</source>
        <translation>Deckkraft der Heatmap über dem Bild</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="163"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="298"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="239"/>
        <source>The model could not be loaded: %1</source>
        <translation>Das Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="212"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="314"/>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="45"/>
        <source>%1 (broken)</source>
        <translation>%1 (defekt)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="246"/>
        <source>Ready · %1 labels · feature width %2</source>
        <translation>Bereit · %1 Labels · Merkmalsbreite %2</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="254"/>
        <source>No TSM</source>
        <translation>Kein TSM</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="255"/>
        <source>The TSM could not be loaded: %1</source>
        <translation>Das TSM konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="260"/>
        <source>No TSM: the model answers alone.</source>
        <translation>Kein TSM: Das Modell antwortet allein.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="289"/>
        <source>Cancelled after %1 tokens.</source>
        <translation>Nach %1 Token abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="290"/>
        <source>%1 tokens in %2 s%3.</source>
        <translation>%1 Token in %2 s%3.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="293"/>
        <source>, with the exemplar</source>
        <translation>, mit dem Exemplar</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="298"/>
        <source>%1 of “%2”</source>
        <translation>%1 von „%2“</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="306"/>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="335"/>
        <source>Load a model folder (a VITask run&apos;s final/ or a LLaVA folder)</source>
        <translation>Modellordner laden (final/ eines VITask-Laufs oder ein LLaVA-Ordner)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="342"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="398"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="215"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="364"/>
        <source>(none: free question)</source>
        <translation>(keine: freie Frage)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="49"/>
        <source>%1 (%2, %3 labels)</source>
        <translation>%1 (%2, %3 Labels)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="372"/>
        <source>Trained with the TSM “%1”.</source>
        <translation>Mit dem TSM „%1“ trainiert.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="381"/>
        <source>Describe the image.</source>
        <translation>Beschreibe das Bild.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="421"/>
        <source>Load a model first (Model › Open…).</source>
        <translation>Laden Sie zuerst ein Modell (Modell › Öffnen…).</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="427"/>
        <source>Open an image first.</source>
        <translation>Öffnen Sie zuerst ein Bild.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="446"/>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="462"/>
        <source>Answering…</source>
        <translation>Antwortet…</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ArchivesDialog</name>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="34"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="35"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="36"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="49"/>
        <source>DICOM TLS</source>
        <translation>DICOM TLS</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="57"/>
        <source>PACS archives</source>
        <translation>PACS-Archive</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="67"/>
        <source>DIMSE (DICOM network)</source>
        <translation>DIMSE (DICOM-Netzwerk)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="67"/>
        <source>DICOMweb (QIDO-RS, WADO-RS, STOW-RS)</source>
        <translation>DICOMweb (QIDO-RS, WADO-RS, STOW-RS)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="68"/>
        <source>C-GET (one connection)</source>
        <translation>C-GET (eine Verbindung)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="68"/>
        <source>C-MOVE to our storage SCP</source>
        <translation>C-MOVE an unseren Storage-SCP</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="69"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="69"/>
        <source>User and password (Basic)</source>
        <translation>Benutzer und Passwort (Basic)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="69"/>
        <source>Token (Bearer)</source>
        <translation>Token (Bearer)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="73"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="76"/>
        <source>Hospital PACS</source>
        <translation>Klinik-PACS</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="77"/>
        <source>pacs.hospital.org</source>
        <translation>pacs.klinik.de</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="78"/>
        <source>its AE title</source>
        <translation>sein AE-Titel</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="81"/>
        <source>PEM file; the system&apos;s CAs are trusted too</source>
        <translation>PEM-Datei; die Zertifizierungsstellen des Systems gelten ebenfalls</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="82"/>
        <source>ours (PEM), if the archive asks for one</source>
        <translation>unseres (PEM), falls das Archiv eines verlangt</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="83"/>
        <source>its private key (PEM)</source>
        <translation>sein privater Schlüssel (PEM)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="88"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="89"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="94"/>
        <source>Host and port</source>
        <translation>Host und Port</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="95"/>
        <source>Its AE title</source>
        <translation>Sein AE-Titel</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="96"/>
        <source>Our AE title</source>
        <translation>Unser AE-Titel</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="97"/>
        <source>Retrieve by</source>
        <translation>Abrufen per</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="98"/>
        <source>Our receive port</source>
        <translation>Unser Empfangsport</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="100"/>
        <source>Our certificate</source>
        <translation>Unser Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="101"/>
        <source>Our key</source>
        <translation>Unser Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="103"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="104"/>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="105"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="106"/>
        <source>Password or token</source>
        <translation>Passwort oder Token</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="108"/>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="109"/>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="162"/>
        <source>%1 answers and accepts us.</source>
        <translation>%1 antwortet und nimmt uns an.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="262"/>
        <source>Every archive needs a name.</source>
        <translation>Jedes Archiv braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="266"/>
        <source>%1: give the DICOMweb base URL (http:// or https://).</source>
        <translation>%1: Geben Sie die DICOMweb-Basis-URL an (http:// oder https://).</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="268"/>
        <source>%1: give the password or token, or choose no login.</source>
        <translation>%1: Geben Sie Passwort oder Token an, oder wählen Sie keine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="271"/>
        <source>%1: give the host and the archive&apos;s AE title.</source>
        <translation>%1: Geben Sie den Host und den AE-Titel des Archivs an.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="281"/>
        <source>Asking %1 ...</source>
        <translation>Frage %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="291"/>
        <source>Two archives are named %1: give each its own name.</source>
        <translation>Zwei Archive heißen %1: Geben Sie jedem einen eigenen Namen.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::BaseModelPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="36"/>
        <source>Base model and TSM</source>
        <translation>Basismodell und TSM</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="37"/>
        <source>The vision-language model the run tunes, and the task-specific model (TSM) whose exemplars VITask learns from. The TSM is frozen; the tuned model answers without it.</source>
        <translation>Das Vision-Language-Modell, das der Lauf anpasst, und das aufgabenspezifische Modell (TSM), aus dessen Exemplaren VITask lernt. Das TSM bleibt eingefroren; das angepasste Modell antwortet ohne es.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="58"/>
        <source>Base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="61"/>
        <source>A small LLaVA trained from &amp;scratch</source>
        <translation>Ein kleines, von &amp;Grund auf trainiertes LLaVA</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="63"/>
        <source>A few million parameters, trainable on a laptop CPU in minutes; the scratch preset first warms it up with plain instruction tuning.</source>
        <translation>Einige Millionen Parameter, in Minuten auf einer Laptop-CPU trainierbar; das Preset scratch wärmt es zuerst mit einfachem Instruction-Tuning auf.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="65"/>
        <source>A &amp;Hugging Face LLaVA folder</source>
        <translation>Ein &amp;Hugging-Face-LLaVA-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="66"/>
        <source>config.json and safetensors weights of a LLaVA-1.5 checkpoint (llava-1.5-7b-hf, …); the paper preset tunes it with LoRA.</source>
        <translation>config.json und safetensors-Gewichte eines LLaVA-1.5-Checkpoints (llava-1.5-7b-hf, …); das Preset paper passt es mit LoRA an.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="68"/>
        <source>A previous &amp;run&apos;s model</source>
        <translation>Das Modell eines früheren &amp;Laufs</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="70"/>
        <source>The final/ model of a finished VITask run, to tune further or to plug in another TSM.</source>
        <translation>Das final/-Modell eines abgeschlossenen VITask-Laufs, um es weiter anzupassen oder ein anderes TSM einzusetzen.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="78"/>
        <source>A folder with tokenizer.model and added_tokens.json (resources/tokenizers/vitask-scratch).</source>
        <translation>Ein Ordner mit tokenizer.model und added_tokens.json (resources/tokenizers/vitask-scratch).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="81"/>
        <source>Tokenizer folder</source>
        <translation>Tokenizer-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="81"/>
        <source>To&amp;kenizer:</source>
        <translation>To&amp;kenizer:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="84"/>
        <source>Input side in pixels; the dataset&apos;s images are resized to it. Default: the dataset&apos;s size.</source>
        <translation>Eingabe-Seitenlänge in Pixeln; die Bilder des Datensatzes werden darauf skaliert. Standard: die Größe des Datensatzes.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="85"/>
        <source>ViT patch side; must divide the image size.</source>
        <translation>Patch-Seitenlänge des ViT; muss die Bildgröße teilen.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="88"/>
        <source>patch</source>
        <translation>Patch</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="94"/>
        <source>&amp;Image size:</source>
        <translation>&amp;Bildgröße:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="96"/>
        <source>Vision tower width (CLIP ViT hidden size)</source>
        <translation>Breite des Vision-Towers (Hidden Size des CLIP-ViT)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="97"/>
        <source>Vision tower layers</source>
        <translation>Schichten des Vision-Towers</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="98"/>
        <source>Language model width (Llama hidden size)</source>
        <translation>Breite des Sprachmodells (Hidden Size des Llama)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="99"/>
        <source>Language model layers</source>
        <translation>Schichten des Sprachmodells</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="100"/>
        <source>Attention heads; must divide both widths</source>
        <translation>Attention-Heads; müssen beide Breiten teilen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="111"/>
        <source>&amp;Vision width:</source>
        <translation>&amp;Vision-Breite:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="111"/>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="112"/>
        <source>layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="112"/>
        <source>Te&amp;xt width:</source>
        <translation>Te&amp;xt-Breite:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="113"/>
        <source>H&amp;eads:</source>
        <translation>H&amp;eads:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="119"/>
        <source>/models/llava-1.5-7b-hf</source>
        <translation>/models/llava-1.5-7b-hf</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="122"/>
        <source>A run folder; its final/ model is the base.</source>
        <translation>Ein Laufordner; sein final/-Modell ist die Basis.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="134"/>
        <source>Hugging Face LLaVA folder</source>
        <translation>Hugging-Face-LLaVA-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="136"/>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="179"/>
        <source>Choose the model folder.</source>
        <translation>Wählen Sie den Modellordner.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="182"/>
        <source>%1 has no config.json: choose a Hugging Face LLaVA folder.</source>
        <translation>%1 hat keine config.json: Wählen Sie einen Hugging-Face-LLaVA-Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="183"/>
        <source>%1 holds no finished model (final/config.json): choose a run that finished.</source>
        <translation>%1 enthält kein fertiges Modell (final/config.json): Wählen Sie einen abgeschlossenen Lauf.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="192"/>
        <source>Base: %1</source>
        <translation>Basis: %1</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ComparePanel</name>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="46"/>
        <source>cancelled: no figures</source>
        <translation>abgebrochen: keine Kennzahlen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="47"/>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="226"/>
        <source>Evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="232"/>
        <source>The instruction every sample is asked with (`vitask eval --variant`).</source>
        <translation>Die Instruktion, mit der jedes Sample gefragt wird (`vitask eval --variant`).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="233"/>
        <source>Your instruction, e.g. “Which skin lesion is shown?”</source>
        <translation>Ihre Instruktion, z. B. „Which skin lesion is shown?“</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="234"/>
        <source>Instruction:</source>
        <translation>Instruktion:</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="235"/>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="237"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="238"/>
        <source>Evaluate the loaded model and TSM on the split (Ctrl+R)</source>
        <translation>Das geladene Modell und TSM auf dem Split evaluieren (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="239"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="240"/>
        <source>Stop after the sample being answered (Ctrl+.)</source>
        <translation>Nach dem gerade beantworteten Sample anhalten (Strg+.)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="242"/>
        <source>Only disagreements</source>
        <translation>Nur Widersprüche</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="243"/>
        <source>Show only the samples whose systems give different labels (Ctrl+D)</source>
        <translation>Nur die Samples zeigen, bei denen die Systeme verschiedene Labels geben (Strg+D)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="244"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="245"/>
        <source>Save the rows shown as CSV (Ctrl+Shift+E)</source>
        <translation>Die angezeigten Zeilen als CSV speichern (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="248"/>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="153"/>
        <source>Choose a row to see its image and where the TSM looked.</source>
        <translation>Wählen Sie eine Zeile, um ihr Bild zu sehen und wohin das TSM geschaut hat.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="254"/>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="256"/>
        <source>Confusion matrices (rows: truth, columns: prediction)</source>
        <translation>Konfusionsmatrizen (Zeilen: Wahrheit, Spalten: Vorhersage)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="186"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="188"/>
        <source>VLM + EP</source>
        <translation>VLM + EP</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="190"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="249"/>
        <source>Open in Viewer</source>
        <translation>Im Betrachter öffnen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="250"/>
        <source>Show this image in the viewer with the TSM&apos;s heatmap, and ask the AI panel about it (Ctrl+Shift+V, or double-click the row)</source>
        <translation>Dieses Bild mit der Heatmap des TSM im Betrachter zeigen und den KI-Bereich dazu fragen (Strg+Umschalt+V oder Doppelklick auf die Zeile)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="285"/>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="286"/>
        <source>The evaluation failed: %1</source>
        <translation>Die Evaluierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="294"/>
        <source>The sample could not be read: %1</source>
        <translation>Das Sample konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="305"/>
        <source>No model loaded: load one in the AI panel (Ctrl+M).</source>
        <translation>Kein Modell geladen: Laden Sie eines im KI-Bereich (Strg+M).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="309"/>
        <source> (EP)</source>
        <translation> (EP)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="310"/>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="435"/>
        <source> · TSM %1</source>
        <translation> · TSM %1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="310"/>
        <source> · no TSM</source>
        <translation> · kein TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="337"/>
        <source>No model is loaded. Load one in the AI panel (Ctrl+M).</source>
        <translation>Kein Modell geladen. Laden Sie eines im KI-Bereich (Strg+M).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="340"/>
        <source>Write the custom instruction, or choose another one.</source>
        <translation>Schreiben Sie die eigene Instruktion oder wählen Sie eine andere.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="347"/>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="355"/>
        <source>Reading the dataset and running the TSM over it…</source>
        <translation>Lese den Datensatz und wende das TSM darauf an…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="362"/>
        <source>Cancelling after the sample being answered…</source>
        <translation>Breche nach dem gerade beantworteten Sample ab…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="402"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="402"/>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="403"/>
        <source>multi-label: no confusion matrix</source>
        <translation>Multi-Label: keine Konfusionsmatrix</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="427"/>
        <source>%1 · %2 split, %3 of %4 samples · %5 · asked “%6”</source>
        <translation>%1 · Split %2, %3 von %4 Samples · %5 · gefragt „%6“</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="431"/>
        <source>generated answers</source>
        <translation>generierte Antworten</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="431"/>
        <source>label-set scoring</source>
        <translation>Bewertung der Labelmenge</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="433"/>
        <source>Model %1 (%2)%3</source>
        <translation>Modell %1 (%2)%3</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="412"/>
        <source>Cancelled after %1 of %2 samples: no figures.</source>
        <translation>Nach %1 von %2 Samples abgebrochen: keine Kennzahlen.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="413"/>
        <source>%1 samples in %2.</source>
        <translation>%1 Samples in %2.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="445"/>
        <source>%1 samples · %2 with disagreement · %3 shown</source>
        <translation>%1 Samples · %2 mit Widerspruch · %3 angezeigt</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="473"/>
        <source>Export the table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="473"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="490"/>
        <source>Reading %1 #%2…</source>
        <translation>Lese %1 #%2…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="508"/>
        <source>%1 · truth &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1 · Wahrheit &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="513"/>
        <source> · TSM %1 (%2 %)</source>
        <translation> · TSM %1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="518"/>
        <source>&lt;br&gt;Heatmap: %1 saliency of “%2”.</source>
        <translation>&lt;br&gt;Heatmap: %1-Saliency von „%2“.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ConfusionMatrixView</name>
    <message>
        <location filename="../ui/compare_panel/src/confusion_matrix_view.cpp" line="65"/>
        <source>Rows: the true class; columns: the predicted class. Shading: the share of the row.</source>
        <translation>Zeilen: die wahre Klasse; Spalten: die vorhergesagte Klasse. Schattierung: der Anteil an der Zeile.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/confusion_matrix_view.cpp" line="114"/>
        <source>True %1, predicted %2: %3 (%4 % of %1)</source>
        <translation>Wahr %1, vorhergesagt %2: %3 (%4 % von %1)</translation>
    </message>
</context>
<context>
    <name>vitask::ui::DatasetPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="44"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="45"/>
        <source>The tasks to tune for: MedMNIST .npz files, CSV manifests of images, or the synthetic benchmark. Each one is read as the trainer will read it.</source>
        <translation>Die Aufgaben, für die angepasst wird: MedMNIST-.npz-Dateien, CSV-Manifeste von Bildern oder der synthetische Benchmark. Jede wird so gelesen, wie der Trainer sie liest.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="55"/>
        <source>Every dataset is one task; a run may train on several (the paper tunes on all twelve MedMNIST datasets at once).</source>
        <translation>Jeder Datensatz ist eine Aufgabe; ein Lauf kann auf mehreren trainieren (die Publikation passt auf allen zwölf MedMNIST-Datensätzen zugleich an).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="58"/>
        <source>Add &amp;.npz…</source>
        <translation>&amp;.npz hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="60"/>
        <source>A MedMNIST file (bloodmnist.npz, pathmnist_64.npz, …) or any file in its layout</source>
        <translation>Eine MedMNIST-Datei (bloodmnist.npz, pathmnist_64.npz, …) oder eine beliebige Datei in deren Aufbau</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="61"/>
        <source>Add &amp;CSV…</source>
        <translation>&amp;CSV hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="63"/>
        <source>A CSV manifest with the columns path,label[,split] listing DICOM, NIfTI, PNG or JPEG files</source>
        <translation>Ein CSV-Manifest mit den Spalten path,label[,split], das DICOM-, NIfTI-, PNG- oder JPEG-Dateien aufführt</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="64"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="70"/>
        <source>&amp;Datasets:</source>
        <translation>&amp;Datensätze:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="88"/>
        <source>MedMNIST datasets (*.npz)</source>
        <translation>MedMNIST-Datensätze (*.npz)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="89"/>
        <source>CSV manifests (*.csv)</source>
        <translation>CSV-Manifeste (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="95"/>
        <source>Writing dataset %1 of %2…</source>
        <translation>Schreibe Datensatz %1 von %2…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="101"/>
        <source>Wrote %n dataset(s).</source>
        <translation>
            <numerusform>%n Datensatz geschrieben.</numerusform>
            <numerusform>%n Datensätze geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="111"/>
        <source>Generate a synthetic dataset</source>
        <translation>Synthetischen Datensatz erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="112"/>
        <source>`vitask data synth`: four imaging modalities drawn from scratch with findings of graded subtlety. No download and no patient data; the same seed gives the same bytes.</source>
        <translation>`vitask data synth`: vier Bildgebungsmodalitäten, von Grund auf gezeichnet, mit Befunden abgestufter Subtilität. Kein Download und keine Patientendaten; derselbe Seed ergibt dieselben Bytes.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="117"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="120"/>
        <source>All four modalities</source>
        <translation>Alle vier Modalitäten</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="123"/>
        <source>&amp;Modality:</source>
        <translation>&amp;Modalität:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="130"/>
        <source>Training images per modality (default 1000: a small CNN reaches about 85–95 %)</source>
        <translation>Trainingsbilder pro Modalität (Standard 1000: ein kleines CNN erreicht etwa 85–95 %)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="131"/>
        <source>Validation images per modality</source>
        <translation>Validierungsbilder pro Modalität</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="132"/>
        <source>Test images per modality</source>
        <translation>Testbilder pro Modalität</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="137"/>
        <source>&amp;Train / val / test:</source>
        <translation>&amp;Training / Validierung / Test:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="140"/>
        <source>28 px</source>
        <translation>28 px</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="141"/>
        <source>64 px</source>
        <translation>64 px</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="142"/>
        <source>Image &amp;size:</source>
        <translation>Bild&amp;größe:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="144"/>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="146"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="117"/>
        <source>Folder for the synthetic datasets</source>
        <translation>Ordner für die synthetischen Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="189"/>
        <source>Add datasets</source>
        <translation>Datensätze hinzufügen</translation>
    </message>
</context>
<context>
    <name>vitask::ui::DatasetPreviewView</name>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="65"/>
        <source>Samples of each class per split, and the first examples of each class (train split first).</source>
        <translation>Samples jeder Klasse pro Split und die ersten Beispiele jeder Klasse (Trainings-Split zuerst).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="80"/>
        <source>Reading the dataset…</source>
        <translation>Lese den Datensatz…</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="80"/>
        <source>No dataset selected</source>
        <translation>Kein Datensatz ausgewählt</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="81"/>
        <source>Add a MedMNIST .npz file or a CSV manifest, or generate the synthetic benchmark, then select it to see its classes.</source>
        <translation>Fügen Sie eine MedMNIST-.npz-Datei oder ein CSV-Manifest hinzu oder erzeugen Sie den synthetischen Benchmark und wählen Sie ihn dann aus, um seine Klassen zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="96"/>
        <source>%1×%2 px, %3</source>
        <translation>%1×%2 px, %3</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="96"/>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="96"/>
        <source>grey</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="97"/>
        <source>%1 · %2 · %3 %4 · %5</source>
        <translation>%1 · %2 · %3 %4 · %5</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="98"/>
        <source>modality unknown</source>
        <translation>Modalität unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="101"/>
        <source>labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="101"/>
        <source>classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="103"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="103"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="105"/>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="129"/>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
</context>
<context>
    <name>vitask::ui::DecisionForm</name>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="26"/>
        <source>(choose a reason)</source>
        <translation>(Grund wählen)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="27"/>
        <source>False finding</source>
        <translation>Falscher Befund</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="28"/>
        <source>Missed finding</source>
        <translation>Übersehener Befund</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="29"/>
        <source>Wrong label</source>
        <translation>Falsche Klasse</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="30"/>
        <source>Poor image quality</source>
        <translation>Schlechte Bildqualität</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="31"/>
        <source>Not assessable</source>
        <translation>Nicht beurteilbar</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="32"/>
        <source>Other</source>
        <translation>Anderes</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="41"/>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="42"/>
        <source>&amp;Correct</source>
        <translation>&amp;Korrigieren</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="43"/>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="181"/>
        <source>Key: %1</source>
        <translation>Taste: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="183"/>
        <source>&amp;Label:</source>
        <translation>&amp;Klasse:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="186"/>
        <source>The finding in your words (optional)</source>
        <translation>Der Befund in Ihren Worten (optional)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="185"/>
        <source>&amp;Finding:</source>
        <translation>&amp;Befund:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="187"/>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="190"/>
        <source>Comment (optional)</source>
        <translation>Kommentar (optional)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="189"/>
        <source>Co&amp;mment:</source>
        <translation>Ko&amp;mmentar:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="48"/>
        <source>very unsure</source>
        <translation>sehr unsicher</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="49"/>
        <source>unsure</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="50"/>
        <source>moderately sure</source>
        <translation>einigermaßen sicher</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="51"/>
        <source>sure</source>
        <translation>sicher</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="52"/>
        <source>certain</source>
        <translation>gewiss</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="192"/>
        <source>%1 — key %2</source>
        <translation>%1 — Taste %2</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="191"/>
        <source>Confidence:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="193"/>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="184"/>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="207"/>
        <source>(no label)</source>
        <translation>(keine Klasse)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="227"/>
        <source>Your read, before the AI is shown</source>
        <translation>Ihre Lesung, bevor die KI gezeigt wird</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="227"/>
        <source>Your decision on the AI&apos;s answer</source>
        <translation>Ihre Entscheidung zur Antwort der KI</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="228"/>
        <source>Record my read and show the AI</source>
        <translation>Lesung speichern und KI zeigen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="228"/>
        <source>Save and next</source>
        <translation>Speichern und weiter</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="302"/>
        <source>Choose a label or write your finding.</source>
        <translation>Wählen Sie eine Klasse oder schreiben Sie Ihren Befund.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="304"/>
        <source>Accept (A), correct (C) or reject (R) the AI&apos;s answer.</source>
        <translation>Nehmen Sie die Antwort der KI an (A), korrigieren (C) oder lehnen Sie sie ab (R).</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="306"/>
        <source>Choose the right label or write the finding.</source>
        <translation>Wählen Sie die richtige Klasse oder schreiben Sie den Befund.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="307"/>
        <source>Choose a reason.</source>
        <translation>Wählen Sie einen Grund.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::EvaluationForm</name>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="76"/>
        <source>A MedMNIST .npz file or a CSV manifest</source>
        <translation>Eine MedMNIST-.npz-Datei oder ein CSV-Manifest</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="77"/>
        <source>The dataset the model is evaluated on, as `vitask eval --data` takes it.</source>
        <translation>Der Datensatz, auf dem das Modell evaluiert wird, wie `vitask eval --data` ihn nimmt.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="78"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="79"/>
        <source>Choose the dataset file (Alt+B)</source>
        <translation>Die Datensatzdatei wählen (Alt+D)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="75"/>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="83"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="84"/>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="85"/>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="86"/>
        <source>The split evaluated (`vitask eval --split`).</source>
        <translation>Der evaluierte Split (`vitask eval --split`).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="88"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="89"/>
        <source>Only the split&apos;s first samples, for a quick look; “all” gives the figures `vitask eval` gives.</source>
        <translation>Nur die ersten Samples des Splits, für einen schnellen Blick; „alle“ ergibt die Kennzahlen von `vitask eval`.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="87"/>
        <source>Samples:</source>
        <translation>Samples:</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="81"/>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="93"/>
        <source>Score the label set</source>
        <translation>Labelmenge bewerten</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="94"/>
        <source>Generate an answer</source>
        <translation>Antwort generieren</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="95"/>
        <source>Scoring takes the label whose answer is most likely (and gives probabilities for the AUC); generation matches the greedy answer to a label. As `vitask eval --method`.</source>
        <translation>Die Bewertung nimmt das Label, dessen Antwort am wahrscheinlichsten ist (und liefert Wahrscheinlichkeiten für die AUC); die Generierung ordnet die Greedy-Antwort einem Label zu. Wie `vitask eval --method`.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="97"/>
        <source>With exemplar (EP)</source>
        <translation>Mit Exemplar (EP)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="98"/>
        <source>Also answer with the TSM&apos;s exemplar (VITask w/ EP), when the model takes it.</source>
        <translation>Auch mit dem Exemplar des TSM antworten (VITask mit EP), wenn das Modell es nimmt.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="99"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="100"/>
        <source>The loaded TSM&apos;s own labels and figures (`vitask tsm eval`).</source>
        <translation>Die eigenen Labels und Kennzahlen des geladenen TSM (`vitask tsm eval`).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="92"/>
        <source>Answers:</source>
        <translation>Antworten:</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="134"/>
        <source>Choose a dataset file first.</source>
        <translation>Wählen Sie zuerst eine Datensatzdatei.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="135"/>
        <source>%1 does not exist. Choose a dataset file.</source>
        <translation>%1 existiert nicht. Wählen Sie eine Datensatzdatei.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="141"/>
        <source>Dataset to evaluate</source>
        <translation>Zu evaluierender Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="142"/>
        <source>Datasets (*.npz *.csv);;All files (*)</source>
        <translation>Datensätze (*.npz *.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ExportDialog</name>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="28"/>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="33"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="36"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="42"/>
        <source>PDF report (a page per case)</source>
        <translation>PDF-Bericht (eine Seite pro Fall)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="43"/>
        <source>HTML report</source>
        <translation>HTML-Bericht</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="44"/>
        <source>JSON report</source>
        <translation>JSON-Bericht</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="45"/>
        <source>DICOM Structured Report + key image (Secondary Capture) per case</source>
        <translation>DICOM Structured Report + Schlüsselbild (Secondary Capture) pro Fall</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="46"/>
        <source>Copies of the DICOM source images</source>
        <translation>Kopien der DICOM-Quellbilder</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="47"/>
        <source>Reviews as CSV</source>
        <translation>Befundungen als CSV</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="48"/>
        <source>Reviews as JSON</source>
        <translation>Befundungen als JSON</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="49"/>
        <source>Only reviewed cases</source>
        <translation>Nur befundete Fälle</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="50"/>
        <source>De-identify (DICOM PS3.15 Basic Profile: no patient names, IDs or dates; new UIDs)</source>
        <translation>De-identifizieren (DICOM PS3.15 Basic Profile: keine Patientennamen, IDs oder Daten; neue UIDs)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="53"/>
        <source>Send the DICOM files to the PACS (set the archive in the PACS tab)</source>
        <translation>Die DICOM-Dateien an das PACS senden (Archiv im PACS-Reiter einstellen)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="54"/>
        <source>Send the DICOM files to the PACS (%1)</source>
        <translation>Die DICOM-Dateien an das PACS senden (%1)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="60"/>
        <source>Write:</source>
        <translation>Schreiben:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="71"/>
        <source>Without de-identification the files carry patients&apos; names, IDs and dates. Keep them inside your institution.</source>
        <translation>Ohne De-Identifizierung enthalten die Dateien Namen, IDs und Daten der Patienten. Behalten Sie sie in Ihrer Einrichtung.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="87"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="92"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="99"/>
        <source>The PACS took %1 file(s) and refused %2.</source>
        <translation>Das PACS hat %1 Datei(en) angenommen und %2 abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="100"/>
        <source>The PACS took all %1 file(s).</source>
        <translation>Das PACS hat alle %1 Datei(en) angenommen.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="105"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="152"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="152"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="162"/>
        <source>Choose at least one thing to write.</source>
        <translation>Wählen Sie mindestens etwas zum Schreiben.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="193"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="195"/>
        <source>Stopped: the report files were not written.</source>
        <translation>Angehalten: die Berichtsdateien wurden nicht geschrieben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="220"/>
        <source>Sending %n DICOM file(s) to %1 ...</source>
        <translation>
            <numerusform>Sende %n DICOM-Datei an %1 ...</numerusform>
            <numerusform>Sende %n DICOM-Dateien an %1 ...</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitask::ui::HyperparametersPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="20"/>
        <source>Hyperparameters</source>
        <translation>Hyperparameter</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="21"/>
        <source>Checked as you type by the trainer&apos;s own parser. The paper publishes none of these; the defaults are the trainer&apos;s.</source>
        <translation>Beim Tippen vom Parser des Trainers geprüft. Die Publikation nennt keinen dieser Werte; die Standardwerte sind die des Trainers.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="25"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="28"/>
        <source>Samples per optimiser step and micro-batch (default 32).</source>
        <translation>Samples pro Optimiererschritt und Micro-Batch (Standard 32).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="29"/>
        <source>&amp;Gradient accumulation:</source>
        <translation>&amp;Gradientenakkumulation:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="31"/>
        <source>Micro-batches per optimiser step: the effective batch is batch size × this (default 1).</source>
        <translation>Micro-Batches pro Optimiererschritt: Der effektive Batch ist Batchgröße × dieser Wert (Standard 1).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="32"/>
        <source>&amp;Weight decay:</source>
        <translation>&amp;Weight Decay:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="33"/>
        <source>AdamW weight decay on matrices; norms and biases are not decayed (default 0.01).</source>
        <translation>AdamW-Weight-Decay auf Matrizen; Normen und Biases werden nicht abgeschwächt (Standard 0,01).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="34"/>
        <source>Warm-&amp;up ratio:</source>
        <translation>Warm-&amp;up-Anteil:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="35"/>
        <source>Share of each stage&apos;s steps with a linear warm-up, then cosine decay to 0; in [0, 1) (default 0.05).</source>
        <translation>Anteil der Schritte jeder Stufe mit linearem Warm-up, danach Kosinus-Abfall auf 0; in [0, 1) (Standard 0,05).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="27"/>
        <source>Batch si&amp;ze:</source>
        <translation>Batch&amp;größe:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="36"/>
        <source>Max gradient n&amp;orm:</source>
        <translation>Maximale Gradienten&amp;norm:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="37"/>
        <source>Gradients are clipped to this L2 norm (default 1).</source>
        <translation>Gradienten werden auf diese L2-Norm begrenzt (Standard 1).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="42"/>
        <source>bf16: autocast of the training passes (matrix products in bfloat16; weights, gradients and optimiser in float32). Meant for CUDA; fp32 is the default.</source>
        <translation>bf16: Autocast der Trainingsdurchläufe (Matrixprodukte in bfloat16; Gewichte, Gradienten und Optimierer in float32). Für CUDA gedacht; fp32 ist Standard.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="44"/>
        <source>&amp;Precision:</source>
        <translation>&amp;Präzision:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="46"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="48"/>
        <source>&amp;Max training samples:</source>
        <translation>&amp;Max. Trainingssamples:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="49"/>
        <source>Per dataset; 0 trains on all. A small number sizes a quick trial run.</source>
        <translation>Pro Datensatz; 0 trainiert auf allen. Eine kleine Zahl ergibt einen schnellen Probelauf.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="50"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="51"/>
        <source>Data order, instruction variants, CRT negatives, dropout and initialisation: the same seed gives the same run.</source>
        <translation>Datenreihenfolge, Instruktionsvarianten, CRT-Negative, Dropout und Initialisierung: Derselbe Seed ergibt denselben Lauf.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="54"/>
        <source>Instruction variants sampled for training, one per sample. The paper also tunes on the incomplete instruction (no_label_set) for robustness.</source>
        <translation>Für das Training gezogene Instruktionsvarianten, eine pro Sample. Die Publikation passt für Robustheit auch auf der unvollständigen Instruktion (no_label_set) an.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="63"/>
        <source>&amp;Instructions:</source>
        <translation>&amp;Instruktionen:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="66"/>
        <source>Logging and checkpoints</source>
        <translation>Protokoll und Checkpoints</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="68"/>
        <source>&amp;Log every:</source>
        <translation>&amp;Protokoll alle:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="69"/>
        <source>Steps between metrics.jsonl records (default 10).</source>
        <translation>Schritte zwischen Einträgen in metrics.jsonl (Standard 10).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="70"/>
        <source>&amp;Checkpoint every:</source>
        <translation>&amp;Checkpoint alle:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="71"/>
        <source>Steps between checkpoints; 0 writes one at the end of each stage only.</source>
        <translation>Schritte zwischen Checkpoints; 0 schreibt nur am Ende jeder Stufe einen.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="72"/>
        <source>&amp;Keep last:</source>
        <translation>&amp;Letzte behalten:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="73"/>
        <source>Checkpoints kept besides the best one (default 2).</source>
        <translation>Neben dem besten behaltene Checkpoints (Standard 2).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="74"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU-&amp;Threads:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="75"/>
        <source>0: as the program sets them (one per core). Small models train fastest on 1.</source>
        <translation>0: wie das Programm sie setzt (einer pro Kern). Kleine Modelle trainieren mit 1 am schnellsten.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="91"/>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
</context>
<context>
    <name>vitask::ui::InstructionNames</name>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="16"/>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="17"/>
        <source>The paper&apos;s instruction: modality and label set.</source>
        <translation>Die Instruktion der Publikation: Modalität und Labelmenge.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="18"/>
        <source>No label set</source>
        <translation>Ohne Labelmenge</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="19"/>
        <source>The label-set clause removed (incomplete instruction).</source>
        <translation>Der Satzteil mit der Labelmenge entfernt (unvollständige Instruktion).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="20"/>
        <source>No modality</source>
        <translation>Ohne Modalität</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="21"/>
        <source>“the given image” instead of the modality.</source>
        <translation>„the given image“ statt der Modalität.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="22"/>
        <source>Shuffled labels</source>
        <translation>Gemischte Labels</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="23"/>
        <source>The label set in another order for each sample.</source>
        <translation>Die Labelmenge in anderer Reihenfolge für jedes Sample.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="24"/>
        <source>Paraphrase</source>
        <translation>Umformulierung</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="25"/>
        <source>Other wording, same content.</source>
        <translation>Andere Formulierung, gleicher Inhalt.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="26"/>
        <source>Typos</source>
        <translation>Tippfehler</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="27"/>
        <source>Character typos in the template words; labels intact.</source>
        <translation>Tippfehler in den Wörtern der Vorlage; Labels unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="28"/>
        <source>Other language</source>
        <translation>Andere Sprache</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="29"/>
        <source>German wording; the labels as the answers spell them.</source>
        <translation>Deutsche Formulierung; die Labels, wie die Antworten sie schreiben.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="30"/>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="31"/>
        <source>Your own instruction, asked as written for every sample.</source>
        <translation>Ihre eigene Instruktion, für jedes Sample wörtlich gestellt.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::LogPanel</name>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="22"/>
        <source>trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="23"/>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="24"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="25"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="26"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="78"/>
        <source>Lowest level of the messages shown from now on</source>
        <translation>Niedrigste Stufe der ab jetzt angezeigten Meldungen</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="80"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="79"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
</context>
<context>
    <name>vitask::ui::MainWindow</name>
    <message>
        <location filename="../ui/src/main_window.cpp" line="142"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="137"/>
        <source>VITask Studio</source>
        <translation>VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="138"/>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="139"/>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="140"/>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="141"/>
        <source>DICOM Tags</source>
        <translation>DICOM-Tags</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="177"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="178"/>
        <source>&amp;Open File…</source>
        <translation>Datei &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="181"/>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="184"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="187"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="191"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="195"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="201"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="202"/>
        <source>&amp;Actual Size (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="203"/>
        <source>&amp;Reset Window/Level</source>
        <translation>Fenster/Level &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="204"/>
        <source>Window &amp;Presets</source>
        <translation>Fenster&amp;voreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="206"/>
        <source>Corner &amp;Text</source>
        <translation>Ecken&amp;text</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="212"/>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="217"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="218"/>
        <source>&amp;Load Model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="220"/>
        <source>&amp;Ask About This Image</source>
        <translation>Zu diesem Bild &amp;fragen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="223"/>
        <source>&amp;Cancel Answer</source>
        <translation>Antwort &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="225"/>
        <source>&amp;Rescan TSMs</source>
        <translation>TSMs &amp;neu suchen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="227"/>
        <source>&amp;Worklist</source>
        <translation>Arbeits&amp;liste</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="228"/>
        <source>&amp;Research</source>
        <translation>&amp;Forschung</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="146"/>
        <source>Review</source>
        <translation>Befundung</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="146"/>
        <source>The open worklist</source>
        <translation>Die geöffnete Arbeitsliste</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="516"/>
        <source>Keyboard and Mouse</source>
        <translation>Tastatur und Maus</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="232"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="233"/>
        <source>Open the &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="234"/>
        <source>&amp;Keyboard and Mouse</source>
        <translation>&amp;Tastatur und Maus</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="236"/>
        <source>&amp;About VITask Studio</source>
        <translation>Über &amp;VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="237"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="254"/>
        <source>Reading headers</source>
        <translation>Lese Kopfdaten</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="287"/>
        <source>Series %1 of %2</source>
        <translation>Serie %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="311"/>
        <source>Open a study first: the model is asked about the slice shown.</source>
        <translation>Öffnen Sie zuerst eine Studie: Das Modell wird zur angezeigten Schicht befragt.</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="328"/>
        <location filename="../ui/src/main_window.cpp" line="484"/>
        <source>TSM %1: %2</source>
        <translation>TSM %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="344"/>
        <source>Open an image or DICOMDIR</source>
        <translation>Bild oder DICOMDIR öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="345"/>
        <source>Images (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Bilder (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="352"/>
        <source>Open a folder of DICOM files</source>
        <translation>Ordner mit DICOM-Dateien öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="362"/>
        <source>Loading series %1…</source>
        <translation>Lade Serie %1…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="454"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="490"/>
        <source>%1 of %2 in the viewer: ask about it with Ctrl+Return</source>
        <translation>%1 aus %2 im Betrachter: mit Strg+Eingabe dazu fragen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="493"/>
        <source>The demo cannot be opened: %1</source>
        <translation>Die Demo lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="510"/>
        <source>About VITask Studio</source>
        <translation>Über VITask Studio</translation>
    </message>
</context>
<context>
    <name>vitask::ui::MethodPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="36"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="37"/>
        <source>VITask adds the TSM&apos;s exemplar (EP), aligns the plain answer with it (RDA) and contrasts the image with another class&apos;s (CRT); vanilla instruction tuning trains on L_van alone.</source>
        <translation>VITask fügt das Exemplar des TSM hinzu (EP), gleicht die einfache Antwort daran an (RDA) und kontrastiert das Bild mit dem einer anderen Klasse (CRT); einfaches Instruction-Tuning trainiert nur auf L_van.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="54"/>
        <source>&amp;VITask: EP + RDA + CRT</source>
        <translation>&amp;VITask: EP + RDA + CRT</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="56"/>
        <source>L = L_van + L_ep + α·L_rda, then + β·L_crt (Bai et al. 2024). Needs a TSM.</source>
        <translation>L = L_van + L_ep + α·L_rda, dann + β·L_crt (Bai et al. 2024). Braucht ein TSM.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="59"/>
        <source>The baseline the paper compares with: the same stages without the exemplar losses. No TSM needed.</source>
        <translation>Die Baseline, mit der die Publikation vergleicht: dieselben Stufen ohne die Exemplar-Verluste. Kein TSM nötig.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="66"/>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="70"/>
        <source>scratch — a small model trained from scratch</source>
        <translation>scratch — ein kleines, von Grund auf trainiertes Modell</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="71"/>
        <source>paper — LoRA on a pretrained LLaVA</source>
        <translation>paper — LoRA auf einem vortrainierten LLaVA</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="72"/>
        <source>custom — the stages below as edited</source>
        <translation>custom — die Stufen unten wie bearbeitet</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="73"/>
        <source>Fills the stages, α and β (docs/training.md). Editing a stage makes the run custom.</source>
        <translation>Füllt die Stufen, α und β aus (docs/training.md). Wird eine Stufe bearbeitet, wird der Lauf custom.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="85"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Preset:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="104"/>
        <source>Loss weights</source>
        <translation>Verlustgewichte</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="107"/>
        <source>α: the weight of L_rda in every stage that aligns responses. L = L_van + L_ep + α·L_rda (+ β·L_crt). Not published in the paper; our presets use 0.5.</source>
        <translation>α: das Gewicht von L_rda in jeder Stufe, die Antworten angleicht. L = L_van + L_ep + α·L_rda (+ β·L_crt). In der Publikation nicht veröffentlicht; unsere Presets verwenden 0,5.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="111"/>
        <source>β: the weight of L_crt in the contrastive stage (the paper&apos;s stage 2). Not published; our presets use 0.1.</source>
        <translation>β: das Gewicht von L_crt in der kontrastiven Stufe (Stufe 2 der Publikation). Nicht veröffentlicht; unsere Presets verwenden 0,1.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="123"/>
        <source>Response distribution alignment</source>
        <translation>Angleichung der Antwortverteilung</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="129"/>
        <source>forward: KL(p_ep ‖ p_plain), the usual distillation form (default). paper: KL(p_plain ‖ p_ep), as the paper writes it. The EP branch is the detached teacher.</source>
        <translation>forward: KL(p_ep ‖ p_plain), die übliche Form der Destillation (Standard). paper: KL(p_plain ‖ p_ep), wie die Publikation es schreibt. Der EP-Zweig ist der abgekoppelte Lehrer.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="132"/>
        <source>Temperature τ of both softmaxes; the KL term is scaled by τ² (default 1).</source>
        <translation>Temperatur τ beider Softmax-Funktionen; der KL-Term wird mit τ² skaliert (Standard 1).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="133"/>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="57"/>
        <source>Vanilla instr&amp;uction tuning (L_van only)</source>
        <translation>Einfaches Instr&amp;uction-Tuning (nur L_van)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="114"/>
        <source>α (&amp;RDA):</source>
        <translation>α (&amp;RDA):</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="118"/>
        <source>β (&amp;CRT):</source>
        <translation>β (&amp;CRT):</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="134"/>
        <source>Te&amp;mperature τ:</source>
        <translation>Te&amp;mperatur τ:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="136"/>
        <source>Contrastive response tuning</source>
        <translation>Kontrastives Antwort-Tuning</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="138"/>
        <source>De&amp;tach the negative branch</source>
        <translation>Negativen Zweig ab&amp;koppeln</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="141"/>
        <source>Stop gradients through y_neg, the logits given another class&apos;s image. The paper does not say; default: not detached.</source>
        <translation>Gradienten durch y_neg stoppen, die Logits zum Bild einer anderen Klasse. Die Publikation sagt es nicht; Standard: nicht abgekoppelt.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="147"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="148"/>
        <source>Used by stages that train the lora group (the paper preset).</source>
        <translation>Von Stufen verwendet, die die Gruppe lora trainieren (Preset paper).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="151"/>
        <source>Rank r of the adapters (default 16; the paper does not publish it).</source>
        <translation>Rang r der Adapter (Standard 16; die Publikation nennt ihn nicht).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="153"/>
        <source>LoRA scaling: updates are scaled by alpha / rank (default 32).</source>
        <translation>LoRA-Skalierung: Updates werden mit alpha / rank skaliert (Standard 32).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="155"/>
        <source>Dropout on the adapters&apos; input (default 0.05).</source>
        <translation>Dropout auf der Eingabe der Adapter (Standard 0,05).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="157"/>
        <source>The language model&apos;s linear layers that get adapters, comma-separated.</source>
        <translation>Die linearen Schichten des Sprachmodells, die Adapter erhalten, durch Kommas getrennt.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="162"/>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="164"/>
        <source>dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="167"/>
        <source>Ran&amp;k:</source>
        <translation>Ran&amp;g:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="193"/>
        <source>R&amp;emove stage</source>
        <translation>Stufe &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="288"/>
        <source>Stages: %1 · epochs in all: %2 · frozen throughout: %3 · the TSM is always frozen.</source>
        <translation>Stufen: %1 · Epochen insgesamt: %2 · durchgehend eingefroren: %3 · das TSM ist immer eingefroren.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="290"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="168"/>
        <source>Tar&amp;gets:</source>
        <translation>&amp;Ziele:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="187"/>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="190"/>
        <source>Each stage trains the checked parameter groups on the checked losses; the rest is frozen.</source>
        <translation>Jede Stufe trainiert die angehakten Parametergruppen auf den angehakten Verlusten; der Rest bleibt eingefroren.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="192"/>
        <source>&amp;Add stage</source>
        <translation>Stufe &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="267"/>
        <source>warmup: L_van on vision, projector and language (4 epochs, lr 2e-3); stage1: L_van + L_ep + α·L_rda on language and connector (lr 5e-4); stage2: + β·L_crt on language.</source>
        <translation>warmup: L_van auf vision, projector und language (4 Epochen, lr 2e-3); stage1: L_van + L_ep + α·L_rda auf language und connector (lr 5e-4); stage2: + β·L_crt auf language.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="270"/>
        <source>stage1: L_van + L_ep + α·L_rda on LoRA and the EP connector (lr 2e-4); stage2: + β·L_crt on LoRA; one epoch each, vision tower and projector frozen, as in the paper.</source>
        <translation>stage1: L_van + L_ep + α·L_rda auf LoRA und dem EP-Konnektor (lr 2e-4); stage2: + β·L_crt auf LoRA; je eine Epoche, Vision-Tower und Projektor eingefroren, wie in der Publikation.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="273"/>
        <source>The stages as listed below.</source>
        <translation>Die Stufen wie unten aufgeführt.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::MetricsTable</name>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="29"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="29"/>
        <source>Macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="29"/>
        <source>Macro AUC</source>
        <translation>Makro-AUC</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="29"/>
        <source>Unparseable</source>
        <translation>Nicht auswertbar</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="30"/>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="32"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="32"/>
        <source>VLM + EP</source>
        <translation>VLM + EP</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="32"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="34"/>
        <source>One-vs-rest ROC AUC averaged over the classes (label-set scoring and the TSM only: generation gives no probabilities).</source>
        <translation>One-vs-Rest-ROC-AUC, gemittelt über die Klassen (nur Labelmengen-Bewertung und TSM: Generierung liefert keine Wahrscheinlichkeiten).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="36"/>
        <source>Answers that named no label; they count as wrong.</source>
        <translation>Antworten, die kein Label nennen; sie zählen als falsch.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="37"/>
        <source>VITask w/o EP: the VLM alone</source>
        <translation>VITask ohne EP: das VLM allein</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="38"/>
        <source>VITask w/ EP: with the TSM&apos;s exemplar</source>
        <translation>VITask mit EP: mit dem Exemplar des TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="71"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ModeBar</name>
    <message>
        <location filename="../ui/src/mode_bar.cpp" line="30"/>
        <source>Modes</source>
        <translation>Modi</translation>
    </message>
    <message>
        <location filename="../ui/src/mode_bar.cpp" line="31"/>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <location filename="../ui/src/mode_bar.cpp" line="31"/>
        <source>Studies, the viewer and the AI panel</source>
        <translation>Studien, Betrachter und KI-Bereich</translation>
    </message>
</context>
<context>
    <name>vitask::ui::NewWorklistDialog</name>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="38"/>
        <source>New worklist</source>
        <translation>Neue Arbeitsliste</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="47"/>
        <source>A study folder, a DICOMDIR, a MedMNIST .npz or a CSV manifest</source>
        <translation>Ein Studienordner, ein DICOMDIR, eine MedMNIST-.npz oder ein CSV-Manifest</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="48"/>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="49"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="53"/>
        <source>&amp;Cases from:</source>
        <translation>&amp;Fälle aus:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="56"/>
        <source>The split of a dataset to review (datasets only).</source>
        <translation>Der zu befundende Teil eines Datensatzes (nur Datensätze).</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="57"/>
        <source>&amp;Split:</source>
        <translation>&amp;Teil:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="59"/>
        <source>(the source&apos;s name)</source>
        <translation>(der Name der Quelle)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="60"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="62"/>
        <source>The model&apos;s task whose labels are scored (a dataset brings its own).</source>
        <translation>Die Aufgabe des Modells, deren Klassen bewertet werden (ein Datensatz bringt seine eigene mit).</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="63"/>
        <source>&amp;Task:</source>
        <translation>&amp;Aufgabe:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="66"/>
        <source>What the model is asked about every case; empty: the task&apos;s complete instruction.</source>
        <translation>Was das Modell zu jedem Fall gefragt wird; leer: die vollständige Anweisung der Aufgabe.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="67"/>
        <source>&amp;Question:</source>
        <translation>&amp;Frage:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="68"/>
        <source>Blinded reader study: record my own read before the AI is shown</source>
        <translation>Verblindete Reader-Studie: eigene Lesung vor Anzeige der KI erfassen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="72"/>
        <source>&amp;Reviewer:</source>
        <translation>&amp;Befunder:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="82"/>
        <source>C&amp;reate</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="88"/>
        <source>Answered by &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Beantwortet von &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="89"/>
        <source> with the TSM &lt;b&gt;%1&lt;/b&gt;</source>
        <translation> mit dem TSM &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="93"/>
        <source>Load a model in the AI panel first: the worklist&apos;s cases are answered by it.</source>
        <translation>Laden Sie zuerst ein Modell im KI-Bereich: es beantwortet die Fälle der Arbeitsliste.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="111"/>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="116"/>
        <source>Cases from</source>
        <translation>Fälle aus</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="112"/>
        <source>Worklist sources (DICOMDIR *.npz *.csv);;All files (*)</source>
        <translation>Quellen für Arbeitslisten (DICOMDIR *.npz *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="152"/>
        <source>Choose where the cases come from.</source>
        <translation>Wählen Sie, woher die Fälle kommen.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="153"/>
        <source>Enter the reviewer&apos;s name: reviews are saved under it.</source>
        <translation>Geben Sie den Namen des Befunders ein: Befundungen werden darunter gespeichert.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::PacsBridge</name>
    <message>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="22"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="29"/>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="38"/>
        <source>Query</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="51"/>
        <source>Retrieve</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="64"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>vitask::ui::PacsBrowser</name>
    <message>
        <source>pacs.hospital.org</source>
        <translation type="vanished">pacs.klinik.de</translation>
    </message>
    <message>
        <source>its AE title</source>
        <translation type="vanished">sein AE-Titel</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="186"/>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="187"/>
        <source>Name (DOE^*)</source>
        <translation>Name (MUSTER^*)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="188"/>
        <source>Modality (CT, MR, ...)</source>
        <translation>Modalität (CT, MR, ...)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="189"/>
        <source>From YYYYMMDD</source>
        <translation>Von JJJJMMTT</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="190"/>
        <source>To YYYYMMDD</source>
        <translation>Bis JJJJMMTT</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="191"/>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="202"/>
        <source>Accession</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="192"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="193"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation type="vanished">&amp;Abrufen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="195"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="196"/>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>AE titles</source>
        <translation type="vanished">AE-Titel</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="198"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="199"/>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="200"/>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <source>Modalities</source>
        <translation>Modalitäten</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="203"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="202"/>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="203"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="157"/>
        <source>%1 answers and accepts us.</source>
        <translation>%1 antwortet und nimmt uns an.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="166"/>
        <source>%1 of %2 images</source>
        <translation>%1 von %2 Bildern</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="166"/>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="171"/>
        <source>Retrieved %1 images; %2 failed.</source>
        <translation>%1 Bilder abgerufen; %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="172"/>
        <source>Retrieved %1 images.</source>
        <translation>%1 Bilder abgerufen.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="173"/>
        <source>%1 were already in the cache.</source>
        <translation>%1 waren bereits im Zwischenspeicher.</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="179"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="184"/>
        <source>&amp;Archives...</source>
        <translation>&amp;Archive...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="185"/>
        <source>Add, change or remove the PACS archives (DIMSE or DICOMweb)</source>
        <translation>PACS-Archive hinzufügen, ändern oder entfernen (DIMSE oder DICOMweb)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="276"/>
        <source>&amp;Retrieve study</source>
        <translation>Studie &amp;abrufen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="276"/>
        <source>&amp;Retrieve series</source>
        <translation>Serie &amp;abrufen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="197"/>
        <source>None yet: add one with Archives...</source>
        <translation>Noch keines: eines mit Archive... hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="203"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="203"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="216"/>
        <source>Add an archive first: Archives...</source>
        <translation>Fügen Sie zuerst ein Archiv hinzu: Archive...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="258"/>
        <source>Asking %1 ...</source>
        <translation>Frage %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="266"/>
        <source>Searching %1 ...</source>
        <translation>Durchsuche %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="318"/>
        <source>Retrieving the study of %1 ...</source>
        <translation>Rufe die Studie von %1 ab ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="319"/>
        <source>Retrieving a series of %1 ...</source>
        <translation>Rufe eine Serie von %1 ab ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="344"/>
        <source>No study matches.</source>
        <translation>Keine Studie passt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="344"/>
        <source>%n studies match.</source>
        <translation>
            <numerusform>%n Studie passt.</numerusform>
            <numerusform>%n Studien passen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitask::ui::PluginsPanel</name>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="58"/>
        <source>Manifests (*.tsm.json)</source>
        <translation>Manifeste (*.tsm.json)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="59"/>
        <source>Plug-ins (*.so)</source>
        <translation>Plug-ins (*.so)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="66"/>
        <source>your folder</source>
        <translation>Ihr Ordner</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="66"/>
        <source>your folder · created when opened</source>
        <translation>Ihr Ordner · wird beim Öffnen angelegt</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="67"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="109"/>
        <source>Select a TSM to see its labels, input and, for a broken one, the full error.</source>
        <translation>Wählen Sie ein TSM, um seine Labels, seine Eingabe und bei einem defekten den vollständigen Fehler zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="110"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="100"/>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="102"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="101"/>
        <source>Search the folders again and load every TSM (F5)</source>
        <translation>Ordner erneut durchsuchen und jedes TSM laden (F5)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="104"/>
        <source>Add ONNX TSM…</source>
        <translation>ONNX-TSM hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="105"/>
        <source>Describe an .onnx classifier; its manifest goes to your TSM folder after a check</source>
        <translation>Einen .onnx-Klassifikator beschreiben; sein Manifest kommt nach einer Prüfung in Ihren TSM-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="106"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="107"/>
        <source>Open Plug-in Folder</source>
        <translation>Plug-in-Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="108"/>
        <source>Open one of the folders searched for TSMs in the file manager</source>
        <translation>Einen der nach TSMs durchsuchten Ordner im Dateimanager öffnen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="111"/>
        <source>Folders searched (first match of a name wins)</source>
        <translation>Durchsuchte Ordner (der erste Treffer eines Namens gilt)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="112"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="112"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="113"/>
        <source>Double-click a folder to open it</source>
        <translation>Doppelklicken Sie auf einen Ordner, um ihn zu öffnen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="310"/>
        <source>Scanning the folders and loading every TSM…</source>
        <translation>Durchsuche die Ordner und lade jedes TSM…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="311"/>
        <source>No TSMs found. Add an ONNX TSM, or put a plug-in in one of the folders below.</source>
        <translation>Keine TSMs gefunden. Fügen Sie ein ONNX-TSM hinzu oder legen Sie ein Plug-in in einen der Ordner unten.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="312"/>
        <source>TSMs found: %1 — ready: %2, broken: %3</source>
        <translation>Gefundene TSMs: %1 — bereit: %2, defekt: %3</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="320"/>
        <source>Select a TSM you added to remove it</source>
        <translation>Wählen Sie ein von Ihnen hinzugefügtes TSM, um es zu entfernen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="327"/>
        <source>Delete %1 (asks first)</source>
        <translation>%1 löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="359"/>
        <source>%1 is not listed. Refresh (F5) and try again.</source>
        <translation>%1 ist nicht aufgeführt. Aktualisieren Sie (F5) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="378"/>
        <source>Remove TSM</source>
        <translation>TSM entfernen</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="380"/>
        <source>Remove the plug-in “%1”?

The library %2 is deleted. If the studio has loaded it, it stays loaded until the studio restarts.</source>
        <translation>Das Plug-in „%1“ entfernen?

Die Bibliothek %2 wird gelöscht. Hat das Studio sie geladen, bleibt sie bis zum Neustart des Studios geladen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="383"/>
        <source>Remove the TSM “%1”?

Its manifest %2 is deleted; the model file it names is kept.</source>
        <translation>Das TSM „%1“ entfernen?

Sein Manifest %2 wird gelöscht; die darin genannte Modelldatei bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="400"/>
        <source>%1 does not exist. Create it first: the registry searches it when it does.</source>
        <translation>%1 existiert nicht. Legen Sie ihn zuerst an: Die Registry durchsucht ihn, sobald es ihn gibt.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="405"/>
        <source>Could not create %1: %2. Check that you may write to its parent folder.</source>
        <translation>%1 konnte nicht angelegt werden: %2. Prüfen Sie, ob Sie in den übergeordneten Ordner schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="412"/>
        <source>No file manager could open %1. Open the folder yourself.</source>
        <translation>Kein Dateimanager konnte %1 öffnen. Öffnen Sie den Ordner selbst.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ProbabilityTable</name>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="59"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="59"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="59"/>
        <source>VLM + EP</source>
        <translation>VLM + EP</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="59"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="60"/>
        <source>The VITask model without the TSM: how it answers at inference.</source>
        <translation>Das VITask-Modell ohne TSM: so antwortet es im Einsatz.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="61"/>
        <source>The VITask model given the TSM&apos;s exemplar (exemplar prompting).</source>
        <translation>Das VITask-Modell mit dem Exemplar des TSM (Exemplar-Prompting).</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="62"/>
        <source>The task-specific model (image classifier) alone.</source>
        <translation>Das aufgabenspezifische Modell (Bildklassifikator) allein.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ResearchPages</name>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="43"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="43"/>
        <source>Training runs: launch, follow, cancel, resume, compare</source>
        <translation>Trainingsläufe: starten, verfolgen, abbrechen, fortsetzen, vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="44"/>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="44"/>
        <source>The model against its TSM on a dataset split</source>
        <translation>Das Modell gegen sein TSM auf einem Split eines Datensatzes</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="45"/>
        <source>Robustness</source>
        <translation>Robustheit</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="45"/>
        <source>Macro-F1 under incomplete or altered instructions</source>
        <translation>Makro-F1 bei unvollständigen oder veränderten Instruktionen</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="46"/>
        <source>Plug-ins</source>
        <translation>Plug-ins</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="46"/>
        <source>The TSMs the registry finds; add an ONNX TSM</source>
        <translation>Die TSMs, die die Registry findet; ONNX-TSM hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="42"/>
        <source>&amp;New Tuning Run…</source>
        <translation>&amp;Neuer Tuning-Lauf…</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="37"/>
        <source>Loading %1 in the AI panel</source>
        <translation>Lade %1 im KI-Bereich</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ReviewPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="20"/>
        <source>Review and launch</source>
        <translation>Prüfen und starten</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="21"/>
        <source>The run configuration as `vitask train` will read it. Edit it freely: every edit is checked again.</source>
        <translation>Die Laufkonfiguration, wie `vitask train` sie liest. Bearbeiten Sie sie frei: Jede Änderung wird erneut geprüft.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="29"/>
        <source>docs/training.md describes every key.</source>
        <translation>docs/training.md beschreibt jeden Schlüssel.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="36"/>
        <source>The run directory: status, metrics, checkpoints and the final model. The configuration is saved beside it as &lt;folder&gt;.yaml.</source>
        <translation>Das Laufverzeichnis: Status, Metriken, Checkpoints und das fertige Modell. Die Konfiguration wird daneben als &lt;folder&gt;.yaml gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="42"/>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="43"/>
        <source>&amp;Save YAML…</source>
        <translation>YAML &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="45"/>
        <source>Write the configuration to a file of your choice (to run `vitask train` yourself).</source>
        <translation>Die Konfiguration in eine Datei Ihrer Wahl schreiben (um `vitask train` selbst auszuführen).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="47"/>
        <source>&amp;Run folder:</source>
        <translation>&amp;Laufordner:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="93"/>
        <source>Choose the run folder.</source>
        <translation>Wählen Sie den Laufordner.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="95"/>
        <source>%1 already holds a run: choose another folder (or resume that run from the Runs page).</source>
        <translation>%1 enthält bereits einen Lauf: Wählen Sie einen anderen Ordner (oder setzen Sie jenen Lauf auf der Seite Läufe fort).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="96"/>
        <source>%1 is a file: choose a folder.</source>
        <translation>%1 ist eine Datei: Wählen Sie einen Ordner.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ReviewPanel</name>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="67"/>
        <source>The image of this case cannot be read: %1</source>
        <translation>Das Bild dieses Falls kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="213"/>
        <source>Blinded reader study</source>
        <translation>Verblindete Reader-Studie</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="214"/>
        <source>Record your own read of each case before the AI&apos;s answer is shown.</source>
        <translation>Erfassen Sie Ihre eigene Lesung jedes Falls, bevor die Antwort der KI gezeigt wird.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="215"/>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="216"/>
        <source>Previous case (Page Up, P)</source>
        <translation>Vorheriger Fall (Bild auf, P)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="217"/>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="218"/>
        <source>Next case (Page Down, N)</source>
        <translation>Nächster Fall (Bild ab, N)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="219"/>
        <source>AI answers %v / %m</source>
        <translation>KI-Antworten %v / %m</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="220"/>
        <source>&amp;Summary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="221"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="222"/>
        <source>Close worklist</source>
        <translation>Arbeitsliste schließen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="223"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="223"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="223"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="223"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="223"/>
        <source>Review</source>
        <translation>Befundung</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="224"/>
        <source>The AI&apos;s answer is hidden until you have recorded your own read.</source>
        <translation>Die Antwort der KI bleibt verborgen, bis Sie Ihre eigene Lesung erfasst haben.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="225"/>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="226"/>
        <source>VLM answer:</source>
        <translation>Antwort des VLM:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="227"/>
        <source>VLM answer with the TSM&apos;s exemplar (EP):</source>
        <translation>Antwort des VLM mit dem Exemplar des TSM (EP):</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="228"/>
        <source>Show the TSM&apos;s saliency map (H)</source>
        <translation>Saliency-Karte des TSM zeigen (H)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="519"/>
        <source>Stop answering</source>
        <translation>Antworten anhalten</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="519"/>
        <source>Answer the rest</source>
        <translation>Den Rest beantworten</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="524"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="310"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="310"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="312"/>
        <source>(hidden)</source>
        <translation>(verborgen)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="319"/>
        <source>✓ accepted</source>
        <translation>✓ angenommen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="320"/>
        <source>✎ corrected</source>
        <translation>✎ korrigiert</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="321"/>
        <source>✗ rejected</source>
        <translation>✗ abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="514"/>
        <source>Case %1 of %2</source>
        <translation>Fall %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="357"/>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="371"/>
        <source>Reading the image…</source>
        <translation>Bild wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="399"/>
        <source>The AI has not answered this case yet (%1 of %2 answered).</source>
        <translation>Die KI hat diesen Fall noch nicht beantwortet (%1 von %2 beantwortet).</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="402"/>
        <source>The AI could not answer this case: %1</source>
        <translation>Die KI konnte diesen Fall nicht beantworten: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="413"/>
        <source>(not asked: no TSM, or the model takes no exemplar)</source>
        <translation>(nicht gefragt: kein TSM, oder das Modell nimmt kein Exemplar)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="433"/>
        <source>There is no AI answer to accept yet: wait for it, or correct or reject the case.</source>
        <translation>Es gibt noch keine KI-Antwort zum Annehmen: warten Sie darauf, oder korrigieren oder lehnen Sie den Fall ab.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="456"/>
        <source>Your read was not saved: %1</source>
        <translation>Ihre Lesung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="484"/>
        <source>The review was not saved: %1</source>
        <translation>Die Befundung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="494"/>
        <source>All %1 cases have a review. Open the summary (Summary) or export the worklist.</source>
        <translation>Alle %1 Fälle sind befundet. Öffnen Sie die Zusammenfassung oder exportieren Sie die Arbeitsliste.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="526"/>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
</context>
<context>
    <name>vitask::ui::RobustnessPanel</name>
    <message>
        <location filename="../ui/compare_panel/src/robustness_chart.cpp" line="47"/>
        <source>Macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="55"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="56"/>
        <source>VLM + EP</source>
        <translation>VLM + EP</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="57"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="187"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="188"/>
        <source>Model folders, evaluated one after another (each is loaded in turn).</source>
        <translation>Modellordner, nacheinander evaluiert (jeder wird der Reihe nach geladen).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="189"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="190"/>
        <source>Add a model folder: a VITask run&apos;s final/ or a LLaVA folder (Ctrl+Shift+M)</source>
        <translation>Einen Modellordner hinzufügen: final/ eines VITask-Laufs oder ein LLaVA-Ordner (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="191"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="192"/>
        <source>Remove the selected models (Del)</source>
        <translation>Die ausgewählten Modelle entfernen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="193"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="194"/>
        <source>Instructions</source>
        <translation>Instruktionen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="201"/>
        <source>Your own instruction (optional)</source>
        <translation>Ihre eigene Instruktion (optional)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="202"/>
        <source>Asked as written for every sample, as one more row of the grid.</source>
        <translation>Für jedes Sample wörtlich gestellt, als weitere Zeile des Rasters.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="203"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="204"/>
        <source>Evaluate every model with every instruction (Ctrl+R)</source>
        <translation>Jedes Modell mit jeder Instruktion evaluieren (Strg+R)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="205"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="206"/>
        <source>Stop after the sample being answered (Ctrl+.)</source>
        <translation>Nach dem gerade beantworteten Sample anhalten (Strg+.)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="207"/>
        <source>Macro-F1 per instruction (rows), model and system (columns).</source>
        <translation>Makro-F1 pro Instruktion (Zeilen), Modell und System (Spalten).</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="233"/>
        <source>%1 could not be loaded: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="250"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="284"/>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="299"/>
        <source>Add at least one model folder.</source>
        <translation>Fügen Sie mindestens einen Modellordner hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="306"/>
        <source>Choose at least one instruction.</source>
        <translation>Wählen Sie mindestens eine Instruktion.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="334"/>
        <source>Model %1 of %2: loading %3…</source>
        <translation>Modell %1 von %2: lade %3…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="347"/>
        <source>Model %1 of %2: reading the dataset and running the TSM…</source>
        <translation>Modell %1 von %2: lese den Datensatz und wende das TSM an…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="372"/>
        <source>Cancelled: %1 of %2 models evaluated.</source>
        <translation>Abgebrochen: %1 von %2 Modellen evaluiert.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="373"/>
        <source>%1 of %2 models evaluated.</source>
        <translation>%1 von %2 Modellen evaluiert.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="387"/>
        <source>Cancelling after the sample being answered…</source>
        <translation>Breche nach dem gerade beantworteten Sample ab…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="421"/>
        <source>%1
Asked, e.g.: %2</source>
        <translation>%1
Gefragt, z. B.: %2</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="432"/>
        <source>Macro-F1 %1 · accuracy %2 · macro AUC %3 · %4 unparseable</source>
        <translation>Makro-F1 %1 · Genauigkeit %2 · Makro-AUC %3 · %4 nicht auswertbar</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="435"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="439"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="475"/>
        <source>TSM %1</source>
        <translation>TSM %1</translation>
    </message>
</context>
<context>
    <name>vitask::ui::RunCharts</name>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="238"/>
        <source>Loss terms</source>
        <translation>Verlustterme</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="241"/>
        <source>What the training chart shows: every loss term the trainer logs (total = the weighted sum of L_van, L_ep, L_rda, L_crt), one of them, or the optimiser&apos;s numbers.</source>
        <translation>Was das Trainingsdiagramm zeigt: jeden Verlustterm, den der Trainer protokolliert (gesamt = die gewichtete Summe aus L_van, L_ep, L_rda, L_crt), einen davon oder die Werte des Optimierers.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="244"/>
        <source>Exponential moving average of the training curves, as TensorBoard&apos;s smoothing; the raw curve stays faint behind.</source>
        <translation>Exponentieller gleitender Mittelwert der Trainingskurven, wie die Glättung von TensorBoard; die Rohkurve bleibt blass dahinter.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="246"/>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="248"/>
        <source>macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="249"/>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="250"/>
        <source>The evaluation metric: validation after each stage and test at the end, without and with the TSM&apos;s exemplar (EP, dashed).</source>
        <translation>Die Evaluierungsmetrik: Validierung nach jeder Stufe und Test am Ende, ohne und mit dem Exemplar des TSM (EP, gestrichelt).</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="237"/>
        <source>Training:</source>
        <translation>Training:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="243"/>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="247"/>
        <source>Evaluation:</source>
        <translation>Evaluierung:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="252"/>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="422"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="369"/>
        <source>Training — select a run</source>
        <translation>Training — Lauf auswählen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="370"/>
        <source>Training — no records yet</source>
        <translation>Training — noch keine Einträge</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="371"/>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="372"/>
        <source>Training: %1</source>
        <translation>Training: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="373"/>
        <source>Evaluation — select a run</source>
        <translation>Evaluierung — Lauf auswählen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="374"/>
        <source>Evaluation — none yet (after each stage)</source>
        <translation>Evaluierung — noch keine (nach jeder Stufe)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="375"/>
        <source>Evaluation: %1</source>
        <translation>Evaluierung: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="386"/>
        <source>total ——, L_van – –, L_ep ···, L_rda –·, L_crt –··; EP dashed</source>
        <translation>gesamt ——, L_van – –, L_ep ···, L_rda –·, L_crt –··; EP gestrichelt</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="149"/>
        <source>%1 starts</source>
        <translation>%1 beginnt</translation>
    </message>
</context>
<context>
    <name>vitask::ui::RunProgress</name>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="14"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="15"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="16"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="36"/>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="31"/>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="66"/>
        <source>Answering…</source>
        <translation>Antwortet…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="72"/>
        <source>%1 answers/s · %2 left</source>
        <translation>%1 Antworten/s · noch %2</translation>
    </message>
</context>
<context>
    <name>vitask::ui::RunsPanel</name>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="21"/>
        <source>Evaluate %1</source>
        <translation>%1 evaluieren</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="23"/>
        <source>Runs &lt;code&gt;vitask eval&lt;/code&gt; on the run&apos;s final model; the results are written to the run&apos;s eval/ folder and listed under Evaluations.</source>
        <translation>Führt &lt;code&gt;vitask eval&lt;/code&gt; auf dem fertigen Modell des Laufs aus; die Ergebnisse werden in den Ordner eval/ des Laufs geschrieben und unter Evaluierungen aufgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="35"/>
        <source>Not found here: remove it and add the file where it is now.</source>
        <translation>Hier nicht gefunden: Entfernen Sie sie und fügen Sie die Datei von ihrem jetzigen Ort hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="40"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="41"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="48"/>
        <source>Datasets:</source>
        <translation>Datensätze:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="51"/>
        <source>Split:</source>
        <translation>Split:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="53"/>
        <source>score the label set</source>
        <translation>Labelmenge bewerten</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="54"/>
        <source>generate an answer</source>
        <translation>Antwort generieren</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="55"/>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="57"/>
        <source>complete instruction</source>
        <translation>vollständige Instruktion</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="58"/>
        <source>robustness grid (all 7 variants)</source>
        <translation>Robustheitsraster (alle 7 Varianten)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="59"/>
        <source>Instruction:</source>
        <translation>Instruktion:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="60"/>
        <source>with the TSM&apos;s exemplar (EP)</source>
        <translation>mit dem Exemplar des TSM (EP)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="62"/>
        <source>The run&apos;s configuration names no TSM.</source>
        <translation>Die Konfiguration des Laufs nennt kein TSM.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="63"/>
        <source>TSM: %1</source>
        <translation>TSM: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="67"/>
        <source>Evaluate</source>
        <translation>Evaluieren</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="72"/>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="73"/>
        <source>Datasets (*.npz *.csv)</source>
        <translation>Datensätze (*.npz *.csv)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="31"/>
        <source>New training run</source>
        <translation>Neuer Trainingslauf</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="33"/>
        <source>Runs &lt;code&gt;vitask train CONFIG --out FOLDER&lt;/code&gt; in the background. The run goes on if the studio is closed; the Runs page finds it again.</source>
        <translation>Führt &lt;code&gt;vitask train CONFIG --out FOLDER&lt;/code&gt; im Hintergrund aus. Der Lauf geht weiter, wenn das Studio geschlossen wird; die Seite Läufe findet ihn wieder.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="41"/>
        <source>run.yaml (docs/training.md)</source>
        <translation>run.yaml (docs/training.md)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="42"/>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="47"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="43"/>
        <source>Configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="46"/>
        <source>a new folder for the run</source>
        <translation>ein neuer Ordner für den Lauf</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="48"/>
        <source>Run folder:</source>
        <translation>Laufordner:</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="55"/>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="76"/>
        <source>Run configuration</source>
        <translation>Laufkonfiguration</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="77"/>
        <source>Run configurations (*.yaml *.yml)</source>
        <translation>Laufkonfigurationen (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="82"/>
        <source>Folder for the run</source>
        <translation>Ordner für den Lauf</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="100"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="102"/>
        <source>%1 already holds a run: choose another folder.</source>
        <translation>%1 enthält bereits einen Lauf: Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="51"/>
        <source>Only differences</source>
        <translation>Nur Unterschiede</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="52"/>
        <source>Hide the configuration keys all selected runs share.</source>
        <translation>Die Konfigurationsschlüssel ausblenden, die alle ausgewählten Läufe teilen.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="53"/>
        <source>Select several runs in the list (Ctrl+click) to compare them; highlighted rows differ, the best metric of a row is bold.</source>
        <translation>Wählen Sie mehrere Läufe in der Liste (Strg+Klick), um sie zu vergleichen; hervorgehobene Zeilen unterscheiden sich, die beste Metrik einer Zeile ist fett.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="74"/>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="49"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="75"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="79"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="84"/>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="56"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="85"/>
        <source>best val macro-F1</source>
        <translation>bestes Val.-Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="131"/>
        <source>config.yaml: %1</source>
        <translation>config.yaml: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="19"/>
        <source>Could not start %1: %2.</source>
        <translation>%1 konnte nicht gestartet werden: %2.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="36"/>
        <source>An evaluation of %1 is running; wait for it to finish.</source>
        <translation>Eine Evaluierung von %1 läuft; warten Sie, bis sie fertig ist.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="40"/>
        <source>%1 has no final model yet (final/vitask.json). Evaluate a finished run.</source>
        <translation>%1 hat noch kein fertiges Modell (final/vitask.json). Evaluieren Sie einen abgeschlossenen Lauf.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="42"/>
        <source>Choose at least one dataset file to evaluate on.</source>
        <translation>Wählen Sie mindestens eine Datensatzdatei für die Evaluierung.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="45"/>
        <source>The dataset %1 cannot be read. Choose its current location.</source>
        <translation>Der Datensatz %1 kann nicht gelesen werden. Wählen Sie seinen jetzigen Ort.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="47"/>
        <source>Evaluating with the exemplar needs the run&apos;s TSM, and its configuration names none.</source>
        <translation>Die Evaluierung mit dem Exemplar braucht das TSM des Laufs, und seine Konfiguration nennt keines.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="65"/>
        <source>vitask eval failed (exit %1): %2</source>
        <translation>vitask eval ist fehlgeschlagen (Exit-Code %1): %2</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="65"/>
        <source>no message</source>
        <translation>keine Meldung</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="71"/>
        <source>%1: accuracy %2, macro-F1 %3</source>
        <translation>%1: Genauigkeit %2, Makro-F1 %3</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="16"/>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="17"/>
        <source>%1m%2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="18"/>
        <source>%1h%2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="19"/>
        <source>%1d%2h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="48"/>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="49"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="50"/>
        <source>stopping…</source>
        <translation>wird angehalten…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="51"/>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="52"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="53"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="54"/>
        <source>interrupted (crashed)</source>
        <translation>unterbrochen (abgestürzt)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="55"/>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="56"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="69"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="71"/>
        <source>grad norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="72"/>
        <source>samples/s</source>
        <translation>Samples/s</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="73"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="81"/>
        <source>%1 (EP)</source>
        <translation>%1 (EP)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="83"/>
        <source>test %1 (EP)</source>
        <translation>Test %1 (EP)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="84"/>
        <source>test %1</source>
        <translation>Test %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="27"/>
        <source>Could not start %1: %2. Check that it runs from a terminal.</source>
        <translation>%1 konnte nicht gestartet werden: %2. Prüfen Sie, ob es im Terminal läuft.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="43"/>
        <source>The vitask program is missing: %1 does not exist. Install it beside the studio, or set VITASK_CLI to its path.</source>
        <translation>Das Programm vitask fehlt: %1 existiert nicht. Installieren Sie es neben dem Studio oder setzen Sie VITASK_CLI auf seinen Pfad.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="47"/>
        <source>%1 is not an executable program. Set VITASK_CLI to the vitask binary.</source>
        <translation>%1 ist kein ausführbares Programm. Setzen Sie VITASK_CLI auf das Programm vitask.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="54"/>
        <source>The run configuration %1 cannot be read. Choose an existing YAML file.</source>
        <translation>Die Laufkonfiguration %1 kann nicht gelesen werden. Wählen Sie eine vorhandene YAML-Datei.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="55"/>
        <source>Choose a folder for the run.</source>
        <translation>Wählen Sie einen Ordner für den Lauf.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="58"/>
        <source>%1 already holds a run. Resume it from the list, or choose another folder.</source>
        <translation>%1 enthält bereits einen Lauf. Setzen Sie ihn in der Liste fort oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="61"/>
        <source>Cannot create the run folder %1. Choose a folder you can write to.</source>
        <translation>Der Laufordner %1 kann nicht angelegt werden. Wählen Sie einen Ordner mit Schreibrechten.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="79"/>
        <source>%1 holds no run to resume (no config.yaml). Start a new run instead.</source>
        <translation>%1 enthält keinen fortsetzbaren Lauf (keine config.yaml). Starten Sie stattdessen einen neuen Lauf.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="39"/>
        <source>The best validation macro-F1 without the exemplar so far: the trainer keeps the checkpoint that reached it.</source>
        <translation>Das bisher beste Validierungs-Makro-F1 ohne Exemplar: Der Trainer behält den Checkpoint, der es erreicht hat.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="42"/>
        <source>The final model&apos;s macro-F1 on the test split, asked without the exemplar (as it is deployed, without its TSM).</source>
        <translation>Makro-F1 des finalen Modells auf dem Test-Split, ohne Exemplar gefragt (wie es ohne sein TSM eingesetzt wird).</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="45"/>
        <source>The final model&apos;s macro-F1 on the test split with the TSM&apos;s exemplar in the prompt.</source>
        <translation>Makro-F1 des finalen Modells auf dem Test-Split mit dem Exemplar des TSM im Prompt.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="48"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="50"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="51"/>
        <source>Steps/s</source>
        <translation>Schritte/s</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="52"/>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="53"/>
        <source>Best val macro-F1</source>
        <translation>Bestes Val.-Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="54"/>
        <source>Test macro-F1</source>
        <translation>Test-Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="55"/>
        <source>Test macro-F1 + EP</source>
        <translation>Test-Makro-F1 + EP</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="79"/>
        <source>Evaluation of %1 finished:
%2</source>
        <translation>Evaluierung von %1 abgeschlossen:
%2</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="113"/>
        <source>New run…</source>
        <translation>Neuer Lauf…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="113"/>
        <source>Start vitask train on a run configuration</source>
        <translation>vitask train mit einer Laufkonfiguration starten</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="114"/>
        <source>Add run folder…</source>
        <translation>Laufordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="115"/>
        <source>List a run folder written elsewhere, e.g. copied back from a GPU server</source>
        <translation>Einen anderswo geschriebenen Laufordner aufführen, z. B. von einem GPU-Server zurückkopiert</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="116"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="116"/>
        <source>Stop the selected run with a checkpoint; Resume continues it</source>
        <translation>Den ausgewählten Lauf mit einem Checkpoint anhalten; Fortsetzen setzt ihn fort</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="117"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="117"/>
        <source>Continue a cancelled, crashed or failed run from its last checkpoint</source>
        <translation>Einen abgebrochenen, abgestürzten oder fehlgeschlagenen Lauf ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="118"/>
        <source>Evaluate…</source>
        <translation>Evaluieren…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="118"/>
        <source>Run vitask eval on the finished run&apos;s model</source>
        <translation>vitask eval auf dem Modell des abgeschlossenen Laufs ausführen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="119"/>
        <source>Open in AI panel</source>
        <translation>Im KI-Bereich öffnen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="119"/>
        <source>Load the finished run&apos;s model in the AI panel</source>
        <translation>Das Modell des abgeschlossenen Laufs im KI-Bereich laden</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="120"/>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="127"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="121"/>
        <source>The selected runs side by side, their configuration differences highlighted</source>
        <translation>Die ausgewählten Läufe nebeneinander, ihre Konfigurationsunterschiede hervorgehoben</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="122"/>
        <source>Remove from list</source>
        <translation>Aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="122"/>
        <source>Take the selected runs off the list; their folders stay on disk</source>
        <translation>Die ausgewählten Läufe aus der Liste nehmen; ihre Ordner bleiben auf der Festplatte</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="123"/>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="124"/>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="125"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="128"/>
        <source>Evaluating…</source>
        <translation>Evaluiere…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Instruction</source>
        <translation>Instruktion</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>EP</source>
        <translation>EP</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Macro-F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="126"/>
        <source>Evaluations</source>
        <translation>Evaluierungen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="323"/>
        <source>vitask train exited before training started; see %1.</source>
        <translation>vitask train wurde vor Trainingsbeginn beendet; siehe %1.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="442"/>
        <source>No runs yet</source>
        <translation>Noch keine Läufe</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="442"/>
        <source>Select a run</source>
        <translation>Lauf auswählen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="445"/>
        <source>Start one with New run… (Ctrl+Shift+T), or list a run folder with Add run folder… (Ctrl+Shift+A).</source>
        <translation>Starten Sie einen mit Neuer Lauf… (Strg+Umschalt+T) oder führen Sie einen Laufordner mit Laufordner hinzufügen… (Strg+Umschalt+A) auf.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="472"/>
        <source>%v / %m steps · ETA %1</source>
        <translation>%v / %m Schritte · noch %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="473"/>
        <source>%v / %m steps</source>
        <translation>%v / %m Schritte</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="475"/>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="476"/>
        <source>stage %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="477"/>
        <source>%1 steps/s</source>
        <translation>%1 Schritte/s</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="478"/>
        <source>%1 processes (data parallel)</source>
        <translation>%1 Prozesse (datenparallel)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="479"/>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="481"/>
        <source>took %1</source>
        <translation>dauerte %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="482"/>
        <source>pid %1 on %2</source>
        <translation>PID %1 auf %2</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="489"/>
        <source>%1 Resume (Ctrl+Shift+R) continues from its last checkpoint.</source>
        <translation>%1 Fortsetzen (Strg+Umschalt+R) setzt ab dem letzten Checkpoint fort.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="491"/>
        <source>Stopping: the trainer writes a checkpoint at its next logged step, then exits.</source>
        <translation>Wird angehalten: Der Trainer schreibt beim nächsten protokollierten Schritt einen Checkpoint und beendet sich dann.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="493"/>
        <source>Training the TSM first (vitask tsm train); the run starts when it is done.</source>
        <translation>Trainiere zuerst das TSM (vitask tsm train); der Lauf beginnt, wenn es fertig ist.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="494"/>
        <source>Starting vitask train: preparing the model and the data.</source>
        <translation>Starte vitask train: Modell und Daten werden vorbereitet.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="525"/>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="525"/>
        <source>without</source>
        <translation>ohne</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="598"/>
        <source>Started %1 (pid %2).</source>
        <translation>%1 gestartet (PID %2).</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="667"/>
        <source>%1 cannot be resumed: it is %2. Resume continues a cancelled, crashed or failed run.</source>
        <translation>%1 kann nicht fortgesetzt werden: Er ist %2. Fortsetzen setzt einen abgebrochenen, abgestürzten oder fehlgeschlagenen Lauf fort.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="684"/>
        <source>Resumed %1 (pid %2).</source>
        <translation>%1 fortgesetzt (PID %2).</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="714"/>
        <source>%1 has no final model yet: it is written when the run finishes.</source>
        <translation>%1 hat noch kein fertiges Modell: Es wird geschrieben, wenn der Lauf endet.</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="728"/>
        <source>Add a run folder</source>
        <translation>Laufordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="740"/>
        <source>Stop training?</source>
        <translation>Training anhalten?</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="741"/>
        <source>Stop %1?

The trainer writes a checkpoint at its next logged step and exits. Resume continues from there with the same results as an uninterrupted run.</source>
        <translation>%1 anhalten?

Der Trainer schreibt beim nächsten protokollierten Schritt einen Checkpoint und beendet sich. Fortsetzen macht dort weiter, mit denselben Ergebnissen wie ein ununterbrochener Lauf.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SampleCsv</name>
    <message>
        <location filename="../ui/compare_panel/src/sample_csv.cpp" line="44"/>
        <source>%1 could not be written (%2). Choose a folder you can write to.</source>
        <translation>%1 konnte nicht geschrieben werden (%2). Wählen Sie einen Ordner mit Schreibrechten.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SampleTableModel</name>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="53"/>
        <source>— unparseable</source>
        <translation>— nicht auswertbar</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="56"/>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="61"/>
        <source>agree</source>
        <translation>stimmen überein</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="62"/>
        <source>disagree</source>
        <translation>widersprechen sich</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="63"/>
        <source>VLM unsure</source>
        <translation>VLM unsicher</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="66"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="99"/>
        <source>Answer: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="108"/>
        <source>The VLM alone, as it would be deployed (VITask w/o EP)</source>
        <translation>Das VLM allein, wie im Einsatz (VITask ohne EP)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="109"/>
        <source>The VLM with the TSM&apos;s exemplar (VITask w/ EP)</source>
        <translation>Das VLM mit dem Exemplar des TSM (VITask mit EP)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="110"/>
        <source>The task-specific model&apos;s top class</source>
        <translation>Die wahrscheinlichste Klasse des aufgabenspezifischen Modells</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="111"/>
        <source>Agree: every system gives the same label</source>
        <translation>Übereinstimmung: Alle Systeme geben dasselbe Label</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="117"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="118"/>
        <source>Truth</source>
        <translation>Wahrheit</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="119"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="120"/>
        <source>VLM + EP</source>
        <translation>VLM + EP</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="121"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="122"/>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="20"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="26"/>
        <source>Automatic (CUDA when present)</source>
        <translation>Automatisch (CUDA, wenn vorhanden)</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="27"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="28"/>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="32"/>
        <source>No CUDA GPU in this build or on this machine.</source>
        <translation>Keine CUDA-GPU in diesem Build oder auf diesem Rechner.</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="35"/>
        <source>Compute device:</source>
        <translation>Rechengerät:</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="40"/>
        <source>one per core (%1)</source>
        <translation>einer pro Kern (%1)</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="42"/>
        <source>CPU threads:</source>
        <translation>CPU-Threads:</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="47"/>
        <source>Longest answer (tokens):</source>
        <translation>Längste Antwort (Token):</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="49"/>
        <source>Default study folder</source>
        <translation>Standardordner für Studien</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="50"/>
        <source>Studies:</source>
        <translation>Studien:</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="51"/>
        <source>Default model folder</source>
        <translation>Standardordner für Modelle</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="52"/>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="55"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="60"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="75"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SliceViewer</name>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="133"/>
        <source>Slice</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="133"/>
        <source>Time point</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="482"/>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="501"/>
        <source>Pos: %1 mm</source>
        <translation>Pos: %1 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="503"/>
        <source>Th: %1 mm</source>
        <translation>SD: %1 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="508"/>
        <source>Zoom: %1%</source>
        <translation>Zoom: %1%</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="109"/>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="111"/>
        <source>%1 (VOI LUT)</source>
        <translation>%1 (VOI-LUT)</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="116"/>
        <source>Reset window	R</source>
        <translation>Fenster zurücksetzen	R</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="117"/>
        <source>Fit to window	F</source>
        <translation>An Fenster anpassen	F</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="118"/>
        <source>1:1	1</source>
        <translation>1:1	1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="119"/>
        <source>Annotations	I</source>
        <translation>Beschriftungen	I</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="124"/>
        <source>Heatmap	H</source>
        <translation>Heatmap	H</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="170"/>
        <source>Wheel, Up/Down, PgUp/PgDn, Home/End: slices
Left/Right: time points (4D), else slices
Ctrl+wheel, +/-: zoom   F: fit   1: 1:1   double-click: fit
Left- or middle-drag: pan
Right-drag: window (left/right) and level (up/down)
Right-click: window presets   R: reset window
Space: cine   I: annotations   H: heatmap</source>
        <translation>Mausrad, Auf/Ab, Bild auf/ab, Pos1/Ende: Schichten
Links/Rechts: Zeitpunkte (4D), sonst Schichten
Strg+Mausrad, +/-: Zoom   F: anpassen   1: 1:1   Doppelklick: anpassen
Links- oder Mittelziehen: verschieben
Rechtsziehen: Fensterbreite (links/rechts) und Level (auf/ab)
Rechtsklick: Fenstervoreinstellungen   R: Fenster zurücksetzen
Leertaste: Cine   I: Beschriftungen   H: Heatmap</translation>
    </message>
</context>
<context>
    <name>vitask::ui::StagesTable</name>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>L_van</source>
        <translation>L_van</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>L_ep</source>
        <translation>L_ep</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>α·L_rda</source>
        <translation>α·L_rda</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>β·L_crt</source>
        <translation>β·L_crt</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="16"/>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="20"/>
        <source>The stage&apos;s name (logged with every metrics record)</source>
        <translation>Der Name der Stufe (mit jedem Metrik-Eintrag protokolliert)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="21"/>
        <source>Passes over the training data; fractions allowed. Paper: one epoch per stage.</source>
        <translation>Durchläufe über die Trainingsdaten; Brüche erlaubt. Publikation: eine Epoche pro Stufe.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="22"/>
        <source>Peak learning rate (AdamW; warm-up, then cosine decay to 0 within the stage)</source>
        <translation>Maximale Lernrate (AdamW; Warm-up, dann Kosinus-Abfall auf 0 innerhalb der Stufe)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="23"/>
        <source>L_van: the plain answer&apos;s cross-entropy, &lt;image&gt; instruction → answer (always logged)</source>
        <translation>L_van: die Kreuzentropie der einfachen Antwort, &lt;image&gt; Instruktion → Antwort (immer protokolliert)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="24"/>
        <source>L_ep: cross-entropy with the TSM&apos;s exemplar token after the image tokens (exemplar prompting)</source>
        <translation>L_ep: Kreuzentropie mit dem Exemplar-Token des TSM nach den Bild-Tokens (Exemplar-Prompting)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="25"/>
        <source>L_rda with weight α: the plain answer&apos;s distribution aligned with the exemplar-prompted one (KL, teacher detached): what lets the model answer without the TSM</source>
        <translation>L_rda mit Gewicht α: die Verteilung der einfachen Antwort an die mit Exemplar-Prompting angeglichen (KL, Lehrer abgekoppelt): damit antwortet das Modell ohne TSM</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="27"/>
        <source>L_crt with weight β: contrastive response tuning, the answer must be likelier for the image than for an image of another class</source>
        <translation>L_crt mit Gewicht β: kontrastives Antwort-Tuning, die Antwort muss für das Bild wahrscheinlicher sein als für ein Bild einer anderen Klasse</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="31"/>
        <source>The vision tower (CLIP ViT). Paper: frozen.</source>
        <translation>Der Vision-Tower (CLIP-ViT). Publikation: eingefroren.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="31"/>
        <source>The VLM&apos;s projector (MLP). Paper: frozen.</source>
        <translation>Der Projektor des VLM (MLP). Publikation: eingefroren.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="32"/>
        <source>The language model, fully (small models)</source>
        <translation>Das Sprachmodell, vollständig (kleine Modelle)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="33"/>
        <source>LoRA adapters on the language model (large models); needs the LoRA section</source>
        <translation>LoRA-Adapter auf dem Sprachmodell (große Modelle); braucht den Abschnitt LoRA</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="34"/>
        <source>The EP connector: the 2-layer MLP from the TSM&apos;s feature to the exemplar token</source>
        <translation>Der EP-Konnektor: das zweischichtige MLP vom Merkmal des TSM zum Exemplar-Token</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="37"/>
        <source>What the stage minimises</source>
        <translation>Was die Stufe minimiert</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="97"/>
        <source>(no loss)</source>
        <translation>(kein Verlust)</translation>
    </message>
</context>
<context>
    <name>vitask::ui::StartPage</name>
    <message numerus="yes">
        <location filename="../ui/src/start_page.cpp" line="20"/>
        <source>CUDA GPU (%n device(s))</source>
        <translation>
            <numerusform>CUDA-GPU (%n Gerät)</numerusform>
            <numerusform>CUDA-GPU (%n Geräte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/start_page.cpp" line="21"/>
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n Thread</numerusform>
            <numerusform>CPU, %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="71"/>
        <source>&lt;h1&gt;VITask Studio&lt;/h1&gt;&lt;p&gt;Adapt vision-language models to medical diagnosis tasks and review their answers.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;VITask Studio&lt;/h1&gt;&lt;p&gt;Vision-Language-Modelle an medizinische Diagnoseaufgaben anpassen und ihre Antworten prüfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="74"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>LibTorch:</source>
        <translation>LibTorch:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>Runs models on:</source>
        <translation>Modelle laufen auf:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="82"/>
        <source> — unoptimized: install libopenblas0-pthread for ~13x faster CPU inference</source>
        <translation> — nicht optimiert: libopenblas0-pthread installieren (CPU-Inferenz etwa 13-mal schneller)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>BLAS:</source>
        <translation>BLAS:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>Log file:</source>
        <translation>Protokolldatei:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="84"/>
        <source>none (console only)</source>
        <translation>keine (nur Konsole)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="128"/>
        <source>LibTorch %1 · %2 · BLAS: %3</source>
        <translation>LibTorch %1 · %2 · BLAS: %3</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="86"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="17"/>
        <source>the engine could not be loaded: %1</source>
        <translation>die Engine konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="18"/>
        <source>loading the engine…</source>
        <translation>die Engine wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="88"/>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="88"/>
        <source>A DICOM file, a DICOMDIR, a NIfTI file or an image (Ctrl+O)</source>
        <translation>Eine DICOM-Datei, ein DICOMDIR, eine NIfTI-Datei oder ein Bild (Strg+O)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="89"/>
        <source>Open Folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="89"/>
        <source>A folder of DICOM files, scanned with its subfolders (Ctrl+Shift+O)</source>
        <translation>Ein Ordner mit DICOM-Dateien, mit Unterordnern durchsucht (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="90"/>
        <source>Load Model…</source>
        <translation>Modell laden…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="90"/>
        <source>A VITask run&apos;s final/ folder or a Hugging Face LLaVA folder (Ctrl+M)</source>
        <translation>Der Ordner final/ eines VITask-Laufs oder ein Hugging-Face-LLaVA-Ordner (Strg+M)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="91"/>
        <source>Open the Demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="91"/>
        <source>A synthetic chest X-ray asked with the built-in VITask model beside its TSM</source>
        <translation>Ein synthetisches Thorax-Röntgenbild, befragt mit dem eingebauten VITask-Modell neben seinem TSM</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="112"/>
        <source>Recent studies:</source>
        <translation>Zuletzt geöffnete Studien:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="127"/>
        <source>LibTorch %1 · %2</source>
        <translation>LibTorch %1 · %2</translation>
    </message>
</context>
<context>
    <name>vitask::ui::StudyBrowser</name>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="188"/>
        <source>Open a file or folder (Ctrl+O), or drop it here</source>
        <translation>Datei oder Ordner öffnen (Strg+O) oder hierher ziehen</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="348"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="189"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="189"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="189"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="189"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="348"/>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="276"/>
        <source>Files without patient data</source>
        <translation>Dateien ohne Patientendaten</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="69"/>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="71"/>
        <source>%1   ID %2</source>
        <translation>%1   ID %2</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="76"/>
        <source>(no date)</source>
        <translation>(kein Datum)</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="82"/>
        <source>NIfTI</source>
        <translation>NIfTI</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="83"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="287"/>
        <source>%n series</source>
        <translation>
            <numerusform>%n Serie</numerusform>
            <numerusform>%n Serien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="290"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n Datei übersprungen</numerusform>
            <numerusform>%n Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="297"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="343"/>
        <source>%1 of %2 files</source>
        <translation>%1 von %2 Dateien</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SummaryDialog</name>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="31"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="32"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="33"/>
        <source>Answered by the AI</source>
        <translation>Von der KI beantwortet</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="34"/>
        <source>Reviewed</source>
        <translation>Befundet</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="35"/>
        <source>Accepted / corrected / rejected</source>
        <translation>Angenommen / korrigiert / abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="38"/>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="39"/>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="40"/>
        <source>Reviewer agrees with the VLM</source>
        <translation>Befunder stimmt dem VLM zu</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="41"/>
        <source>Reviewer agrees with the TSM</source>
        <translation>Befunder stimmt dem TSM zu</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="42"/>
        <source>Accuracy against ground truth</source>
        <translation>Genauigkeit gegenüber der Referenz</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="43"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="44"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="45"/>
        <source>Reviewer (final read)</source>
        <translation>Befunder (endgültige Lesung)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="46"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="47"/>
        <source>Per case, mean</source>
        <translation>Pro Fall, Mittelwert</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="48"/>
        <source>Per case, median</source>
        <translation>Pro Fall, Median</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="49"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="51"/>
        <source>Reader study: unaided → aided</source>
        <translation>Reader-Studie: ohne KI → mit KI</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="52"/>
        <source>Cases read blinded first</source>
        <translation>Zuerst verblindet gelesene Fälle</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="53"/>
        <source>Unaided reads correct</source>
        <translation>Lesungen ohne KI richtig</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="54"/>
        <source>Aided reads correct</source>
        <translation>Lesungen mit KI richtig</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="55"/>
        <source>Reads changed after seeing the AI</source>
        <translation>Nach Ansicht der KI geänderte Lesungen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="56"/>
        <source>… from wrong to right</source>
        <translation>… von falsch zu richtig</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="57"/>
        <source>… from right to wrong</source>
        <translation>… von richtig zu falsch</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="58"/>
        <source>Unaided read, mean time</source>
        <translation>Lesung ohne KI, mittlere Zeit</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="70"/>
        <source>Summary of %1 — %2</source>
        <translation>Zusammenfassung von %1 — %2</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SynthRunner</name>
    <message>
        <location filename="../ui/tuning_wizard/src/synth_runner.cpp" line="12"/>
        <source>Could not start %1 (%2). Set the vitask program in VITASK_CLI or install it beside the studio.</source>
        <translation>%1 konnte nicht gestartet werden (%2). Setzen Sie das Programm vitask in VITASK_CLI oder installieren Sie es neben dem Studio.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/synth_runner.cpp" line="61"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/synth_runner.cpp" line="66"/>
        <source>vitask data synth stopped (exit code %1).</source>
        <translation>vitask data synth wurde beendet (Exit-Code %1).</translation>
    </message>
</context>
<context>
    <name>vitask::ui::TagBrowser</name>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="31"/>
        <source>Identifies the patient.</source>
        <translation>Identifiziert den Patienten.</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="34"/>
        <source>Item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="143"/>
        <source>Search tag (0010,0010), name or value</source>
        <translation>Tag (0010,0010), Name oder Wert suchen</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="144"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="144"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="144"/>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="144"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="145"/>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="210"/>
        <source>No DICOM file</source>
        <translation>Keine DICOM-Datei</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="214"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="214"/>
        <source>%1 of %n element(s)</source>
        <translation>
            <numerusform>%1 von %n Element</numerusform>
            <numerusform>%1 von %n Elementen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitask::ui::TsmChooser</name>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="27"/>
        <source>%1 (broken)</source>
        <translation>%1 (defekt)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="28"/>
        <source>%1 — %2 labels, features %3</source>
        <translation>%1 — %2 Labels, Merkmale %3</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="37"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="44"/>
        <source>Task-specific model (TSM)</source>
        <translation>Aufgabenspezifisches Modell (TSM)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="45"/>
        <source>An image classifier for the task (paper: a ViT-B on MedMNIST). Its feature vector becomes the exemplar token of exemplar prompting (EP); it is frozen while the VLM tunes.</source>
        <translation>Ein Bildklassifikator für die Aufgabe (Publikation: ein ViT-B auf MedMNIST). Sein Merkmalsvektor wird zum Exemplar-Token des Exemplar-Promptings (EP); er bleibt eingefroren, während das VLM angepasst wird.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="56"/>
        <source>From the re&amp;gistry:</source>
        <translation>Aus der Re&amp;gistry:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="59"/>
        <source>TSMs found in the registry&apos;s folders (`vitask tsm list`).</source>
        <translation>In den Ordnern der Registry gefundene TSMs (`vitask tsm list`).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="60"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="67"/>
        <source>&amp;Train one first with `vitask tsm train`</source>
        <translation>Zuerst eines mit `vitask tsm train` &amp;trainieren</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="68"/>
        <source>A built-in ResNet or ViT trained on the datasets before the run starts (one head over all their classes), saved where the registry finds it.</source>
        <translation>Ein eingebautes ResNet oder ViT, vor dem Start des Laufs auf den Datensätzen trainiert (ein Kopf über alle ihre Klassen), gespeichert, wo die Registry es findet.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="76"/>
        <source>The TSM&apos;s name in the registry and the file name of its manifest.</source>
        <translation>Der Name des TSM in der Registry und der Dateiname seines Manifests.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="79"/>
        <source>ResNet</source>
        <translation>ResNet</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="80"/>
        <source>ViT</source>
        <translation>ViT</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="81"/>
        <source>ResNet: 10, 18 or 34 (default 18); ViT: blocks (default 6)</source>
        <translation>ResNet: 10, 18 oder 34 (Standard 18); ViT: Blöcke (Standard 6)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="84"/>
        <source>ResNet: first-stage channels (default 64); ViT: width (default 192)</source>
        <translation>ResNet: Kanäle der ersten Stufe (Standard 64); ViT: Breite (Standard 192)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="86"/>
        <source>Training epochs; the checkpoint with the best validation macro-F1 is kept.</source>
        <translation>Trainingsepochen; der Checkpoint mit dem besten Validierungs-Makro-F1 wird behalten.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="89"/>
        <source>The checkpoint goes into &lt;folder&gt;/&lt;name&gt;/; the registry&apos;s user folder lists it later.</source>
        <translation>Der Checkpoint kommt nach &lt;folder&gt;/&lt;name&gt;/; der Benutzerordner der Registry führt ihn danach auf.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="94"/>
        <source>depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="96"/>
        <source>width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="98"/>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="101"/>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="102"/>
        <source>&amp;Architecture:</source>
        <translation>&amp;Architektur:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="103"/>
        <source>F&amp;older:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="103"/>
        <source>TSM folder</source>
        <translation>TSM-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="106"/>
        <source>&amp;Use no TSM: vanilla instruction tuning needs none</source>
        <translation>&amp;Kein TSM verwenden: Einfaches Instruction-Tuning braucht keines</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="190"/>
        <source>The registry lists no TSM: train one first, or use none.</source>
        <translation>Die Registry führt kein TSM: Trainieren Sie zuerst eines oder verwenden Sie keines.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="196"/>
        <source>`vitask tsm train` reads MedMNIST .npz files only: train a TSM for the CSV data elsewhere and add it to the registry.</source>
        <translation>`vitask tsm train` liest nur MedMNIST-.npz-Dateien: Trainieren Sie ein TSM für die CSV-Daten anderswo und fügen Sie es der Registry hinzu.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="199"/>
        <source>Name the TSM (a file name, without &apos;/&apos;).</source>
        <translation>Benennen Sie das TSM (ein Dateiname, ohne „/“).</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="200"/>
        <source>Choose the folder the TSM is saved in.</source>
        <translation>Wählen Sie den Ordner, in dem das TSM gespeichert wird.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="226"/>
        <source>Launch first trains the TSM into %1, then starts the run.</source>
        <translation>Starten trainiert zuerst das TSM nach %1 und startet dann den Lauf.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::TsmTableModel</name>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="44"/>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="78"/>
        <source>Built-in</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="79"/>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="80"/>
        <source>Compiled</source>
        <translation>Kompiliert</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="86"/>
        <source>%1×%2×%3</source>
        <translation>%1×%2×%3</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="112"/>
        <source>%1 (multi-label)</source>
        <translation>%1 (Multi-Label)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="114"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="114"/>
        <source>Broken: %1</source>
        <translation>Defekt: %1</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="124"/>
        <source>A LibTorch ResNet or ViT checkpoint (manifest + safetensors)</source>
        <translation>Ein LibTorch-ResNet- oder -ViT-Checkpoint (Manifest + safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="125"/>
        <source>An ONNX model described by a *.tsm.json manifest, run by OpenCV DNN</source>
        <translation>Ein ONNX-Modell, beschrieben durch ein *.tsm.json-Manifest, ausgeführt von OpenCV DNN</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="126"/>
        <source>A compiled plug-in: a shared library implementing the TSM interface</source>
        <translation>Ein kompiliertes Plug-in: eine Shared Library, die die TSM-Schnittstelle implementiert</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="130"/>
        <source>%1 × %2 pixels; channels: %3; (x − mean) / std with mean [%4], std [%5]</source>
        <translation>%1 × %2 Pixel; Kanäle: %3; (x − Mittelwert) / Std.-Abw. mit Mittelwert [%4], Std.-Abw. [%5]</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="136"/>
        <source>Width of the pooled feature vector (the exemplar EP feeds the model)</source>
        <translation>Breite des gepoolten Merkmalsvektors (das Exemplar, das EP dem Modell übergibt)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="137"/>
        <source>Loaded and answered a probe batch as its metadata promises</source>
        <translation>Geladen; hat einen Probe-Batch wie in seinen Metadaten angegeben beantwortet</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="169"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="170"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="171"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="172"/>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="173"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="174"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="175"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="176"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>vitask::ui::TuningWizard</name>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="24"/>
        <source>New tuning run</source>
        <translation>Neuer Tuning-Lauf</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="28"/>
        <source>&amp;Launch</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="29"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="30"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="67"/>
        <source>Launch saves the configuration beside the run folder and starts `vitask train` on the Runs page.</source>
        <translation>Starten speichert die Konfiguration neben dem Laufordner und startet `vitask train` auf der Seite Läufe.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="69"/>
        <source>Launch saves the configuration beside the run folder, trains the TSM with `vitask tsm train`, then starts `vitask train` on the Runs page.</source>
        <translation>Starten speichert die Konfiguration neben dem Laufordner, trainiert das TSM mit `vitask tsm train` und startet dann `vitask train` auf der Seite Läufe.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="110"/>
        <source>Cannot write %1: %2. Choose another folder or free disk space.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Wählen Sie einen anderen Ordner oder geben Sie Speicherplatz frei.</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="117"/>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="121"/>
        <source>Save the run configuration</source>
        <translation>Laufkonfiguration speichern</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="118"/>
        <source>Run configurations (*.yaml *.yml)</source>
        <translation>Laufkonfigurationen (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="134"/>
        <source>Launch</source>
        <translation>Starten</translation>
    </message>
</context>
<context>
    <name>vitask::ui::WorklistController</name>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="24"/>
        <source>&amp;New Worklist…</source>
        <translation>&amp;Neue Arbeitsliste…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="26"/>
        <source>&amp;Open Worklist</source>
        <translation>Arbeitsliste ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="28"/>
        <source>&amp;Summary…</source>
        <translation>&amp;Zusammenfassung…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="29"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="31"/>
        <source>&amp;Close Worklist</source>
        <translation>Arbeitsliste &amp;schließen</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="53"/>
        <source>Reviews cannot be saved: %1</source>
        <translation>Befundungen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="100"/>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
</context>
<context>
    <name>vitask::ui::WorklistExport</name>
    <message>
        <location filename="../ui/review_panel/src/worklist_export.cpp" line="45"/>
        <source>Case %1 of %2 — %3</source>
        <translation>Fall %1 von %2 — %3</translation>
    </message>
</context>
<context>
    <name>vitask::ui::WorklistSession</name>
    <message>
        <location filename="../ui/review_panel/src/worklist_session.cpp" line="76"/>
        <source>The worklist&apos;s model could not be loaded, so its cases cannot be answered: %1</source>
        <translation>Das Modell der Arbeitsliste konnte nicht geladen werden, daher können ihre Fälle nicht beantwortet werden: %1</translation>
    </message>
</context>
</TS>
