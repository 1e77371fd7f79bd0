<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>vitask::ui</name>
    <message>
        <source>VLM</source>
        <translation type="obsolete">VLM</translation>
    </message>
    <message>
        <source>TSM</source>
        <translation type="obsolete">TSM</translation>
    </message>
</context>
<context>
    <name>vitask::ui::AgreementBadge</name>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="18"/>
        <source>Agree: %1</source>
        <translation>Übereinstimmung: %1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="22"/>
        <source>Disagree: VLM %1, TSM %2</source>
        <translation>Widerspruch: VLM %1, TSM %2</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="26"/>
        <source>VLM unsure (TSM: %1)</source>
        <translation>VLM unsicher (TSM: %1)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="30"/>
        <source>No comparison</source>
        <translation>Kein Vergleich</translation>
    </message>
</context>
<context>
    <name>vitask::ui::AiPanel</name>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="32"/>
        <source>VITask model</source>
        <translation>VITask-Modell</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="32"/>
        <source>LLaVA checkpoint</source>
        <translation>LLaVA-Checkpoint</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="33"/>
        <source> · %1 · %2 M parameters</source>
        <translation> · %1 · %2 Mio. Parameter</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="34"/>
        <source> · EP (TSM width %1)</source>
        <translation> · EP (TSM-Breite %1)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="65"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="71"/>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="72"/>
        <source>Recent models: a VITask run&apos;s final/ folder or a Hugging Face LLaVA folder.</source>
        <translation>Zuletzt verwendete Modelle: der Ordner final/ eines VITask-Laufs oder ein Hugging-Face-LLaVA-Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="73"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="74"/>
        <source>Load a model folder (Ctrl+M)</source>
        <translation>Modellordner laden (Strg+M)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="78"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="190"/>
        <source>Not loaded</source>
        <translation>Nicht geladen</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="84"/>
        <source>The task-specific model (image classifier) to compare with, and whose exemplar EP feeds.</source>
        <translation>Das aufgabenspezifische Modell (Bildklassifikator) zum Vergleich, dessen Exemplar EP einspeist.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="88"/>
        <source>TSM:</source>
        <translation>TSM:</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="93"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="98"/>
        <source>The task whose label set is scored; its modality and labels fill the templates.</source>
        <translation>Die Aufgabe, deren Labelmenge bewertet wird; ihre Modalität und Labels füllen die Vorlagen.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="101"/>
        <source>The paper&apos;s instruction and its robustness variants (incomplete, paraphrased, ...).</source>
        <translation>Die Instruktion der Publikation und ihre Robustheitsvarianten (unvollständig, umformuliert, …).</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="102"/>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="103"/>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="107"/>
        <source>Ask about the image shown…</source>
        <translation>Frage zum angezeigten Bild…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="110"/>
        <source>Answer with the TSM&apos;s exemplar (EP)</source>
        <translation>Mit dem Exemplar des TSM antworten (EP)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="112"/>
        <source>VITask w/ EP: the TSM&apos;s feature is fed to the model. Without it the model answers alone, as it would be deployed.</source>
        <translation>VITask mit EP: Das Merkmal des TSM wird dem Modell übergeben. Ohne EP antwortet das Modell allein, wie im Einsatz.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="116"/>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="118"/>
        <source>Ask about the slice shown (Ctrl+Return)</source>
        <translation>Zur angezeigten Schicht fragen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="120"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="122"/>
        <source>Stop the answer (Esc)</source>
        <translation>Antwort abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="130"/>
        <source>%v / %m tokens</source>
        <translation>%v / %m Token</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="136"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="154"/>
        <source>TSM saliency</source>
        <translation>TSM-Salienz</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="156"/>
        <source>Show (H)</source>
        <translation>Anzeigen (H)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="163"/>
        <source>Opacity of the heatmap over the image</source>
        <translation>Deckkraft der Heatmap über dem Bild</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="164"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="259"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="191"/>
        <source>The model could not be loaded: %1</source>
        <translation>Das Modell konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="196"/>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="199"/>
        <source>%1 (broken)</source>
        <translation>%1 (defekt)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="211"/>
        <source>Ready · %1 labels · feature width %2</source>
        <translation>Bereit · %1 Labels · Merkmalsbreite %2</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="218"/>
        <source>No TSM</source>
        <translation>Kein TSM</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="219"/>
        <source>The TSM could not be loaded: %1</source>
        <translation>Das TSM konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="224"/>
        <source>No TSM: the model answers alone.</source>
        <translation>Kein TSM: Das Modell antwortet allein.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="252"/>
        <source>Cancelled after %1 tokens.</source>
        <translation>Nach %1 Token abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="253"/>
        <source>%1 tokens in %2 s%3.</source>
        <translation>%1 Token in %2 s%3.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="256"/>
        <source>, with the exemplar</source>
        <translation>, mit dem Exemplar</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="257"/>
        <source>%1 of “%2”</source>
        <translation>%1 von „%2“</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="266"/>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="280"/>
        <source>Load a model folder (a VITask run&apos;s final/ or a LLaVA folder)</source>
        <translation>Modellordner laden (final/ eines VITask-Laufs oder ein LLaVA-Ordner)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="287"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="344"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="309"/>
        <source>(none: free question)</source>
        <translation>(keine: freie Frage)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="311"/>
        <source>%1 (%2, %3 labels)</source>
        <translation>%1 (%2, %3 Labels)</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="319"/>
        <source>Trained with the TSM “%1”.</source>
        <translation>Mit dem TSM „%1“ trainiert.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="327"/>
        <source>Describe the image.</source>
        <translation>Beschreibe das Bild.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="367"/>
        <source>Load a model first (Model › Open…).</source>
        <translation>Laden Sie zuerst ein Modell (Modell › Öffnen…).</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="373"/>
        <source>Open an image first.</source>
        <translation>Öffnen Sie zuerst ein Bild.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="392"/>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="408"/>
        <source>Answering…</source>
        <translation>Antwortet…</translation>
    </message>
</context>
<context>
    <name>vitask::ui::DecisionForm</name>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="25"/>
        <source>(choose a reason)</source>
        <translation>(Grund wählen)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="26"/>
        <source>False finding</source>
        <translation>Falscher Befund</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="27"/>
        <source>Missed finding</source>
        <translation>Übersehener Befund</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="28"/>
        <source>Wrong label</source>
        <translation>Falsche Klasse</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="29"/>
        <source>Poor image quality</source>
        <translation>Schlechte Bildqualität</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="30"/>
        <source>Not assessable</source>
        <translation>Nicht beurteilbar</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="31"/>
        <source>Other</source>
        <translation>Anderes</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="51"/>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="52"/>
        <source>&amp;Correct</source>
        <translation>&amp;Korrigieren</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="53"/>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="59"/>
        <source>Key: %1</source>
        <translation>Taste: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="70"/>
        <source>&amp;Label:</source>
        <translation>&amp;Klasse:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="73"/>
        <source>The finding in your words (optional)</source>
        <translation>Der Befund in Ihren Worten (optional)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="74"/>
        <source>&amp;Finding:</source>
        <translation>&amp;Befund:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="78"/>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="83"/>
        <source>Comment (optional)</source>
        <translation>Kommentar (optional)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="85"/>
        <source>Co&amp;mment:</source>
        <translation>Ko&amp;mmentar:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="92"/>
        <source>very unsure</source>
        <translation>sehr unsicher</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="92"/>
        <source>unsure</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="92"/>
        <source>moderately sure</source>
        <translation>einigermaßen sicher</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="92"/>
        <source>sure</source>
        <translation>sicher</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="92"/>
        <source>certain</source>
        <translation>gewiss</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="97"/>
        <source>%1 — key %2</source>
        <translation>%1 — Taste %2</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="102"/>
        <source>Confidence:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="112"/>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="168"/>
        <source>(no label)</source>
        <translation>(keine Klasse)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="177"/>
        <source>Your read, before the AI is shown</source>
        <translation>Ihre Lesung, bevor die KI gezeigt wird</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="177"/>
        <source>Your decision on the AI&apos;s answer</source>
        <translation>Ihre Entscheidung zur Antwort der KI</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="183"/>
        <source>Record my read and show the AI</source>
        <translation>Lesung speichern und KI zeigen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="183"/>
        <source>Save and next</source>
        <translation>Speichern und weiter</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="258"/>
        <source>Choose a label or write your finding.</source>
        <translation>Wählen Sie eine Klasse oder schreiben Sie Ihren Befund.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="260"/>
        <source>Accept (A), correct (C) or reject (R) the AI&apos;s answer.</source>
        <translation>Nehmen Sie die Antwort der KI an (A), korrigieren (C) oder lehnen Sie sie ab (R).</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="262"/>
        <source>Choose the right label or write the finding.</source>
        <translation>Wählen Sie die richtige Klasse oder schreiben Sie den Befund.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="263"/>
        <source>Choose a reason.</source>
        <translation>Wählen Sie einen Grund.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ExportDialog</name>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="26"/>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="31"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="34"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="40"/>
        <source>PDF report (a page per case)</source>
        <translation>PDF-Bericht (eine Seite pro Fall)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="41"/>
        <source>HTML report</source>
        <translation>HTML-Bericht</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="42"/>
        <source>JSON report</source>
        <translation>JSON-Bericht</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="43"/>
        <source>DICOM Structured Report + key image (Secondary Capture) per case</source>
        <translation>DICOM Structured Report + Schlüsselbild (Secondary Capture) pro Fall</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="44"/>
        <source>Copies of the DICOM source images</source>
        <translation>Kopien der DICOM-Quellbilder</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="45"/>
        <source>Reviews as CSV</source>
        <translation>Befundungen als CSV</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="46"/>
        <source>Reviews as JSON</source>
        <translation>Befundungen als JSON</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="47"/>
        <source>Only reviewed cases</source>
        <translation>Nur befundete Fälle</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="48"/>
        <source>De-identify (DICOM PS3.15 Basic Profile: no patient names, IDs or dates; new UIDs)</source>
        <translation>De-identifizieren (DICOM PS3.15 Basic Profile: keine Patientennamen, IDs oder Daten; neue UIDs)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="51"/>
        <source>Write:</source>
        <translation>Schreiben:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="55"/>
        <source>Without de-identification the files carry patients&apos; names, IDs and dates. Keep them inside your institution.</source>
        <translation>Ohne De-Identifizierung enthalten die Dateien Namen, IDs und Daten der Patienten. Behalten Sie sie in Ihrer Einrichtung.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="71"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="76"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="125"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="125"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="135"/>
        <source>Choose at least one thing to write.</source>
        <translation>Wählen Sie mindestens etwas zum Schreiben.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="166"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="168"/>
        <source>Stopped: the report files were not written.</source>
        <translation>Angehalten: die Berichtsdateien wurden nicht geschrieben.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::LogPanel</name>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="45"/>
        <source>trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="45"/>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="45"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="46"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="46"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="49"/>
        <source>Lowest level of the messages shown from now on</source>
        <translation>Niedrigste Stufe der ab jetzt angezeigten Meldungen</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="51"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="55"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
</context>
<context>
    <name>vitask::ui::MainWindow</name>
    <message>
        <location filename="../ui/src/main_window.cpp" line="120"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="78"/>
        <source>VITask Studio</source>
        <translation>VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="117"/>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="118"/>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="119"/>
        <source>DICOM Tags</source>
        <translation>DICOM-Tags</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="132"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="133"/>
        <source>&amp;Open File…</source>
        <translation>Datei &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="136"/>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="138"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="141"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="145"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="149"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="155"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="156"/>
        <source>&amp;Actual Size (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="157"/>
        <source>&amp;Reset Window/Level</source>
        <translation>Fenster/Level &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="158"/>
        <source>Window &amp;Presets</source>
        <translation>Fenster&amp;voreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="160"/>
        <source>Corner &amp;Text</source>
        <translation>Ecken&amp;text</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="166"/>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="171"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="172"/>
        <source>&amp;Load Model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="174"/>
        <source>&amp;Ask About This Image</source>
        <translation>Zu diesem Bild &amp;fragen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="177"/>
        <source>&amp;Cancel Answer</source>
        <translation>Antwort &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="179"/>
        <source>&amp;Rescan TSMs</source>
        <translation>TSMs &amp;neu suchen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="181"/>
        <source>&amp;Worklist</source>
        <translation>Arbeits&amp;liste</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="414"/>
        <source>Keyboard and Mouse</source>
        <translation>Tastatur und Maus</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="vanished">&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="195"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="196"/>
        <source>&amp;Keyboard and Mouse</source>
        <translation>&amp;Tastatur und Maus</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="197"/>
        <source>&amp;About VITask Studio</source>
        <translation>Über &amp;VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="198"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="210"/>
        <source>Reading headers</source>
        <translation>Lese Kopfdaten</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="242"/>
        <source>Series %1 of %2</source>
        <translation>Serie %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="266"/>
        <source>Open a study first: the model is asked about the slice shown.</source>
        <translation>Öffnen Sie zuerst eine Studie: Das Modell wird zur angezeigten Schicht befragt.</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="283"/>
        <source>TSM %1: %2</source>
        <translation>TSM %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="299"/>
        <source>Open an image or DICOMDIR</source>
        <translation>Bild oder DICOMDIR öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="300"/>
        <source>Images (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Bilder (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="307"/>
        <source>Open a folder of DICOM files</source>
        <translation>Ordner mit DICOM-Dateien öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="317"/>
        <source>Loading series %1…</source>
        <translation>Lade Serie %1…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="388"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="408"/>
        <source>About VITask Studio</source>
        <translation>Über VITask Studio</translation>
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
    <name>vitask::ui::ProbabilityTable</name>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="47"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="47"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="47"/>
        <source>VLM + EP</source>
        <translation>VLM + EP</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="47"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="48"/>
        <source>The VITask model without the TSM: how it answers at inference.</source>
        <translation>Das VITask-Modell ohne TSM: so antwortet es im Einsatz.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="49"/>
        <source>The VITask model given the TSM&apos;s exemplar (exemplar prompting).</source>
        <translation>Das VITask-Modell mit dem Exemplar des TSM (Exemplar-Prompting).</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="50"/>
        <source>The task-specific model (image classifier) alone.</source>
        <translation>Das aufgabenspezifische Modell (Bildklassifikator) allein.</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ReviewPanel</name>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="65"/>
        <source>The image of this case cannot be read: %1</source>
        <translation>Das Bild dieses Falls kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="91"/>
        <source>Blinded reader study</source>
        <translation>Verblindete Reader-Studie</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="94"/>
        <source>Record your own read of each case before the AI&apos;s answer is shown.</source>
        <translation>Erfassen Sie Ihre eigene Lesung jedes Falls, bevor die Antwort der KI gezeigt wird.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="98"/>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="99"/>
        <source>Previous case (Page Up, P)</source>
        <translation>Vorheriger Fall (Bild auf, P)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="101"/>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="102"/>
        <source>Next case (Page Down, N)</source>
        <translation>Nächster Fall (Bild ab, N)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="111"/>
        <source>AI answers %v / %m</source>
        <translation>KI-Antworten %v / %m</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="119"/>
        <source>&amp;Summary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="120"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="121"/>
        <source>Close worklist</source>
        <translation>Arbeitsliste schließen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="130"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="130"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="130"/>
        <source>VLM</source>
        <translation>VLM</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="130"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="130"/>
        <source>Review</source>
        <translation>Befundung</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="158"/>
        <source>The AI&apos;s answer is hidden until you have recorded your own read.</source>
        <translation>Die Antwort der KI bleibt verborgen, bis Sie Ihre eigene Lesung erfasst haben.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="162"/>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="164"/>
        <source>VLM answer:</source>
        <translation>Antwort des VLM:</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="167"/>
        <source>VLM answer with the TSM&apos;s exemplar (EP):</source>
        <translation>Antwort des VLM mit dem Exemplar des TSM (EP):</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="175"/>
        <source>Show the TSM&apos;s saliency map (H)</source>
        <translation>Saliency-Karte des TSM zeigen (H)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="208"/>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="246"/>
        <source>Stop answering</source>
        <translation>Antworten anhalten</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="208"/>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="232"/>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="241"/>
        <source>Answer the rest</source>
        <translation>Den Rest beantworten</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="234"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="283"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="283"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="285"/>
        <source>(hidden)</source>
        <translation>(verborgen)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="292"/>
        <source>✓ accepted</source>
        <translation>✓ angenommen</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="293"/>
        <source>✎ corrected</source>
        <translation>✎ korrigiert</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="294"/>
        <source>✗ rejected</source>
        <translation>✗ abgelehnt</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="309"/>
        <source>Case %1 of %2</source>
        <translation>Fall %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="330"/>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="344"/>
        <source>Reading the image…</source>
        <translation>Bild wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="372"/>
        <source>The AI has not answered this case yet (%1 of %2 answered).</source>
        <translation>Die KI hat diesen Fall noch nicht beantwortet (%1 von %2 beantwortet).</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="375"/>
        <source>The AI could not answer this case: %1</source>
        <translation>Die KI konnte diesen Fall nicht beantworten: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="386"/>
        <source>(not asked: no TSM, or the model takes no exemplar)</source>
        <translation>(nicht gefragt: kein TSM, oder das Modell nimmt kein Exemplar)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="406"/>
        <source>There is no AI answer to accept yet: wait for it, or correct or reject the case.</source>
        <translation>Es gibt noch keine KI-Antwort zum Annehmen: warten Sie darauf, oder korrigieren oder lehnen Sie den Fall ab.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="429"/>
        <source>Your read was not saved: %1</source>
        <translation>Ihre Lesung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="457"/>
        <source>The review was not saved: %1</source>
        <translation>Die Befundung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="466"/>
        <source>All %1 cases have a review. Open the summary (Summary) or export the worklist.</source>
        <translation>Alle %1 Fälle sind befundet. Öffnen Sie die Zusammenfassung oder exportieren Sie die Arbeitsliste.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="480"/>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
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
        <location filename="../ui/settings/src/settings_dialog.cpp" line="59"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="60"/>
        <source>A new language applies when the studio starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="77"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SliceViewer</name>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="45"/>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="141"/>
        <source>Slice</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="141"/>
        <source>Time point</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="475"/>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="494"/>
        <source>Pos: %1 mm</source>
        <translation>Pos: %1 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="496"/>
        <source>Th: %1 mm</source>
        <translation>SD: %1 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="501"/>
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
    <name>vitask::ui::StartPage</name>
    <message numerus="yes">
        <location filename="../ui/src/start_page.cpp" line="17"/>
        <source>CUDA GPU (%n device(s))</source>
        <translation>
            <numerusform>CUDA-GPU (%n Gerät)</numerusform>
            <numerusform>CUDA-GPU (%n Geräte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/start_page.cpp" line="18"/>
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n Thread</numerusform>
            <numerusform>CPU, %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="32"/>
        <source>&lt;h1&gt;VITask Studio&lt;/h1&gt;&lt;p&gt;Adapt vision-language models to medical diagnosis tasks and review their answers.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;VITask Studio&lt;/h1&gt;&lt;p&gt;Vision-Language-Modelle an medizinische Diagnoseaufgaben anpassen und ihre Antworten prüfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="38"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="40"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="43"/>
        <source>LibTorch:</source>
        <translation>LibTorch:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="44"/>
        <source>Runs models on:</source>
        <translation>Modelle laufen auf:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="47"/>
        <source> — unoptimized: install libopenblas0-pthread for ~13x faster CPU inference</source>
        <translation> — nicht optimiert: libopenblas0-pthread installieren (CPU-Inferenz etwa 13-mal schneller)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="48"/>
        <source>BLAS:</source>
        <translation>BLAS:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="49"/>
        <source>Log file:</source>
        <translation>Protokolldatei:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="50"/>
        <source>none (console only)</source>
        <translation>keine (nur Konsole)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="52"/>
        <source>LibTorch %1 · %2 · BLAS: %3</source>
        <translation>LibTorch %1 · %2 · BLAS: %3</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="56"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="64"/>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="64"/>
        <source>A DICOM file, a DICOMDIR, a NIfTI file or an image (Ctrl+O)</source>
        <translation>Eine DICOM-Datei, ein DICOMDIR, eine NIfTI-Datei oder ein Bild (Strg+O)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="65"/>
        <source>Open Folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="65"/>
        <source>A folder of DICOM files, scanned with its subfolders (Ctrl+Shift+O)</source>
        <translation>Ein Ordner mit DICOM-Dateien, mit Unterordnern durchsucht (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="67"/>
        <source>Load Model…</source>
        <translation>Modell laden…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="67"/>
        <source>A VITask run&apos;s final/ folder or a Hugging Face LLaVA folder (Ctrl+M)</source>
        <translation>Der Ordner final/ eines VITask-Laufs oder ein Hugging-Face-LLaVA-Ordner (Strg+M)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="88"/>
        <source>Recent studies:</source>
        <translation>Zuletzt geöffnete Studien:</translation>
    </message>
</context>
<context>
    <name>vitask::ui::StudyBrowser</name>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="102"/>
        <source>Open a file or folder (Ctrl+O), or drop it here</source>
        <translation>Datei oder Ordner öffnen (Strg+O) oder hierher ziehen</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="108"/>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="289"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="118"/>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="118"/>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="118"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="118"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="146"/>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="175"/>
        <source>Files without patient data</source>
        <translation>Dateien ohne Patientendaten</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="184"/>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="186"/>
        <source>%1   ID %2</source>
        <translation>%1   ID %2</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="195"/>
        <source>(no date)</source>
        <translation>(kein Datum)</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="212"/>
        <source>NIfTI</source>
        <translation>NIfTI</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="213"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="240"/>
        <source>%n series</source>
        <translation>
            <numerusform>%n Serie</numerusform>
            <numerusform>%n Serien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="243"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n Datei übersprungen</numerusform>
            <numerusform>%n Dateien übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="250"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="278"/>
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
    <name>vitask::ui::TagBrowser</name>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="98"/>
        <source>Search tag (0010,0010), name or value</source>
        <translation>Tag (0010,0010), Name oder Wert suchen</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="104"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="104"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="104"/>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="104"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="118"/>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="185"/>
        <source>No DICOM file</source>
        <translation>Keine DICOM-Datei</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="189"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="189"/>
        <source>%1 of %n element(s)</source>
        <translation>
            <numerusform>%1 von %n Element</numerusform>
            <numerusform>%1 von %n Elementen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitask::ui::WorklistController</name>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="19"/>
        <source>&amp;New Worklist…</source>
        <translation>&amp;Neue Arbeitsliste…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="21"/>
        <source>&amp;Open Worklist</source>
        <translation>Arbeitsliste ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="23"/>
        <source>&amp;Summary…</source>
        <translation>&amp;Zusammenfassung…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="24"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="26"/>
        <source>&amp;Close Worklist</source>
        <translation>Arbeitsliste &amp;schließen</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="46"/>
        <source>Reviews cannot be saved: %1</source>
        <translation>Befundungen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="96"/>
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
