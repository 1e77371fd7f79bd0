<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <location filename="../ui/src/main_window.cpp" line="114"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="76"/>
        <source>VITask Studio</source>
        <translation>VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="111"/>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="112"/>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="113"/>
        <source>DICOM Tags</source>
        <translation>DICOM-Tags</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="126"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="127"/>
        <source>&amp;Open File…</source>
        <translation>Datei &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="130"/>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="132"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="135"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="139"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="143"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="149"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="150"/>
        <source>&amp;Actual Size (1:1)</source>
        <translation>&amp;Originalgröße (1:1)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="151"/>
        <source>&amp;Reset Window/Level</source>
        <translation>Fenster/Level &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="152"/>
        <source>Window &amp;Presets</source>
        <translation>Fenster&amp;voreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="154"/>
        <source>Corner &amp;Text</source>
        <translation>Ecken&amp;text</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="160"/>
        <source>F&amp;ull Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="165"/>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="166"/>
        <source>&amp;Load Model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="168"/>
        <source>&amp;Ask About This Image</source>
        <translation>Zu diesem Bild &amp;fragen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="171"/>
        <source>&amp;Cancel Answer</source>
        <translation>Antwort &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="173"/>
        <source>&amp;Rescan TSMs</source>
        <translation>TSMs &amp;neu suchen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="385"/>
        <source>Keyboard and Mouse</source>
        <translation>Tastatur und Maus</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="vanished">&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="175"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="176"/>
        <source>&amp;Keyboard and Mouse</source>
        <translation>&amp;Tastatur und Maus</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="177"/>
        <source>&amp;About VITask Studio</source>
        <translation>Über &amp;VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="178"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="186"/>
        <source>Reading headers</source>
        <translation>Lese Kopfdaten</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="219"/>
        <source>Series %1 of %2</source>
        <translation>Serie %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="243"/>
        <source>Open a study first: the model is asked about the slice shown.</source>
        <translation>Öffnen Sie zuerst eine Studie: Das Modell wird zur angezeigten Schicht befragt.</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="260"/>
        <source>TSM %1: %2</source>
        <translation>TSM %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="276"/>
        <source>Open an image or DICOMDIR</source>
        <translation>Bild oder DICOMDIR öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="277"/>
        <source>Images (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Bilder (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="284"/>
        <source>Open a folder of DICOM files</source>
        <translation>Ordner mit DICOM-Dateien öffnen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="294"/>
        <source>Loading series %1…</source>
        <translation>Lade Serie %1…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="359"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="379"/>
        <source>About VITask Studio</source>
        <translation>Über VITask Studio</translation>
    </message>
</context>
<context>
    <name>vitask::ui::StartPage</name>
    <message numerus="yes">
        <location filename="../ui/src/start_page.cpp" line="15"/>
        <source>CUDA GPU (%n device(s))</source>
        <translation>
            <numerusform>CUDA-GPU (%n Gerät)</numerusform>
            <numerusform>CUDA-GPU (%n Geräte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/start_page.cpp" line="16"/>
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU, %n Thread</numerusform>
            <numerusform>CPU, %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="30"/>
        <source>&lt;h1&gt;VITask Studio&lt;/h1&gt;&lt;p&gt;Adapt vision-language models to medical diagnosis tasks and review their answers.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;VITask Studio&lt;/h1&gt;&lt;p&gt;Vision-Language-Modelle an medizinische Diagnoseaufgaben anpassen und ihre Antworten prüfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="36"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="38"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="41"/>
        <source>LibTorch:</source>
        <translation>LibTorch:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="42"/>
        <source>Runs models on:</source>
        <translation>Modelle laufen auf:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="45"/>
        <source> — unoptimized: install libopenblas0-pthread for ~13x faster CPU inference</source>
        <translation> — nicht optimiert: libopenblas0-pthread installieren (CPU-Inferenz etwa 13-mal schneller)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="46"/>
        <source>BLAS:</source>
        <translation>BLAS:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="47"/>
        <source>Log file:</source>
        <translation>Protokolldatei:</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="48"/>
        <source>none (console only)</source>
        <translation>keine (nur Konsole)</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="50"/>
        <source>LibTorch %1 · %2 · BLAS: %3</source>
        <translation>LibTorch %1 · %2 · BLAS: %3</translation>
    </message>
</context>
</TS>
