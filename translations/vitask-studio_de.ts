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
        <location filename="../ui/src/main_window.cpp" line="31"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="32"/>
        <source>VITask Studio</source>
        <translation>VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="47"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="48"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="52"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="56"/>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="62"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="63"/>
        <source>&amp;About VITask Studio</source>
        <translation>Über &amp;VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="64"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="68"/>
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
