<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/input_normalization.cpp" line="51"/>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/input_normalization.cpp" line="58"/>
        <source>mean [%1], std [%2]</source>
        <translation>均值 [%1]，标准差 [%2]</translation>
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
        <translation>已损坏：修复之前无法使用。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="37"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="38"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="39"/>
        <source>broken</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="40"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="42"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="42"/>
        <source>%1 × %2 pixels; channels: %3</source>
        <translation>%1 × %2 像素；通道数：%3</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="46"/>
        <source>Normalisation</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="47"/>
        <source>%1 (mean [%2], std [%3])</source>
        <translation>%1（均值 [%2]，标准差 [%3]）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="51"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="51"/>
        <source>%1, %2: %3</source>
        <translation>%1 个，%2：%3</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="53"/>
        <source>multi-label (sigmoid)</source>
        <translation>多标签（sigmoid）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="53"/>
        <source>one per image (softmax)</source>
        <translation>每幅图像一个（softmax）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="55"/>
        <source>Feature width</source>
        <translation>特征宽度</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="58"/>
        <source>Removable</source>
        <translation>可移除</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_details.cpp" line="58"/>
        <source>yes: it is in your folder</source>
        <translation>是：位于您的文件夹中</translation>
    </message>
</context>
<context>
    <name>TsmRemoval</name>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_removal.cpp" line="45"/>
        <source>“%1” is a built-in checkpoint (%2): the studio does not delete trained weights. Delete its folder yourself if you no longer need it.</source>
        <translation>“%1”是内置检查点（%2）：Studio 不会删除训练好的权重。如不再需要，请自行删除其文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_removal.cpp" line="49"/>
        <source>%1 is not in your folders (%2 for manifests, %3 for plug-ins): the studio removes only TSMs added there. Remove the file yourself if you mean to.</source>
        <translation>%1 不在您的文件夹中（清单文件为 %2，插件为 %3）：Studio 只移除添加到这些文件夹中的 TSM。如确需移除，请自行删除该文件。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_removal.cpp" line="59"/>
        <source>Could not delete %1: %2. Check that it still exists and that you may write to its folder.</source>
        <translation>无法删除 %1：%2。请检查它是否仍然存在，以及您是否有其文件夹的写入权限。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_removal.cpp" line="62"/>
        <source>it does not exist</source>
        <translation>它不存在</translation>
    </message>
</context>
<context>
    <name>vitask::ui::AddOnnxTsmDialog</name>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="87"/>
        <source>Add ONNX TSM</source>
        <translation>添加 ONNX TSM</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="98"/>
        <source>Describe an ONNX image classifier so the studio can use it as a task-specific model. Its manifest is written to your TSM folder and the model is loaded at once to check it.</source>
        <translation>描述一个 ONNX 图像分类器，以便 Studio 将其用作任务特定模型。其清单文件将写入您的 TSM 文件夹，并立即加载模型进行检查。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="126"/>
        <source>Checking: loading the model and running a probe batch…</source>
        <translation>正在检查：加载模型并运行探测批次…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="132"/>
        <source>Add and check</source>
        <translation>添加并检查</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="140"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="145"/>
        <source>/path/to/model.onnx</source>
        <translation>/path/to/model.onnx</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="146"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="149"/>
        <source>ONNX file:</source>
        <translation>ONNX 文件：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="152"/>
        <source>What users pick the TSM by; unique among the TSMs listed.</source>
        <translation>用户据此选择 TSM；在列出的 TSM 中必须唯一。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="153"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="156"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="159"/>
        <source>optional: one line, e.g. the training data</source>
        <translation>可选：一行文字，例如训练数据</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="160"/>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="172"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="176"/>
        <source>The graph input that takes the image batch [N, C, H, W] (torch.onnx.export&apos;s input_names).</source>
        <translation>接收图像批次 [N, C, H, W] 的计算图输入（torch.onnx.export 的 input_names）。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="178"/>
        <source>Input name:</source>
        <translation>输入名称：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="188"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="194"/>
        <source>Size (height × width):</source>
        <translation>尺寸（高 × 宽）：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="198"/>
        <source>3 (RGB)</source>
        <translation>3（RGB）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="199"/>
        <source>1 (grey)</source>
        <translation>1（灰度）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="200"/>
        <source>Channels:</source>
        <translation>通道数：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="207"/>
        <source>Applied after scaling pixels to [0, 1]: (x − mean) / std per channel. Use what the model was trained with.</source>
        <translation>在像素缩放到 [0, 1] 之后按通道应用：(x − 均值) / 标准差。请使用模型训练时所用的值。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="209"/>
        <source>Normalisation:</source>
        <translation>归一化：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="214"/>
        <source>one number per channel, comma separated</source>
        <translation>每个通道一个数值，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="215"/>
        <source>Mean:</source>
        <translation>均值：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="216"/>
        <source>Std:</source>
        <translation>标准差：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="226"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="228"/>
        <source>Class names in the order of the model&apos;s logits, one per line.</source>
        <translation>按模型 logits 顺序排列的类别名称，每行一个。</translation>
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
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="237"/>
        <source>A text file with one label per line, or a JSON array of strings</source>
        <translation>每行一个标签的文本文件，或字符串组成的 JSON 数组</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="241"/>
        <source>Multi-label (a sigmoid per label)</source>
        <translation>多标签（每个标签一个 sigmoid）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="243"/>
        <source>Off: one class per image (softmax over the labels).</source>
        <translation>关闭时：每幅图像一个类别（对标签做 softmax）。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="252"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="256"/>
        <source>The graph output holding the class logits [N, labels].</source>
        <translation>包含类别 logits [N, labels] 的计算图输出。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="257"/>
        <source>Logits:</source>
        <translation>Logits：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="260"/>
        <source>The graph output holding the pooled feature vector [N, F]: the exemplar VITask&apos;s EP feeds the model.</source>
        <translation>包含池化特征向量 [N, F] 的计算图输出：即 VITask 的 EP 输入模型的范例。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="262"/>
        <source>Features:</source>
        <translation>特征：</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="323"/>
        <source>Cannot read the label file %1: %2. Choose a readable text file.</source>
        <translation>无法读取标签文件 %1：%2。请选择可读取的文本文件。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="332"/>
        <source>%1 is not a JSON array of label names (%2). Give a JSON array of strings, or a text file with one label per line.</source>
        <translation>%1 不是由标签名称组成的 JSON 数组（%2）。请提供字符串组成的 JSON 数组，或每行一个标签的文本文件。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="334"/>
        <source>not an array</source>
        <translation>不是数组</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="376"/>
        <source>Choose an ONNX classifier</source>
        <translation>选择 ONNX 分类器</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="377"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="382"/>
        <source>Choose a label file</source>
        <translation>选择标签文件</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="383"/>
        <source>Label lists (*.txt *.json);;All files (*)</source>
        <translation>标签列表 (*.txt *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="389"/>
        <source>No labels yet</source>
        <translation>尚无标签</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="389"/>
        <source>Labels: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="394"/>
        <source>The manifest goes to %1 once the TSM has a name.</source>
        <translation>TSM 命名后，清单文件将保存到 %1。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="397"/>
        <source>The manifest is saved as %1; the .onnx file stays where it is and the manifest refers to it.</source>
        <translation>清单文件将保存为 %1；.onnx 文件保留在原位置，由清单文件引用。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="404"/>
        <source>Choose the .onnx file (Browse…).</source>
        <translation>请选择 .onnx 文件（浏览…）。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="405"/>
        <source>The ONNX file %1 does not exist. Choose an existing .onnx file.</source>
        <translation>ONNX 文件 %1 不存在。请选择一个已有的 .onnx 文件。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="407"/>
        <source>Give the TSM a name: users pick it by that name.</source>
        <translation>请为 TSM 命名：用户将通过该名称选择它。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="410"/>
        <source>A TSM named “%1” is already listed (%2). Choose another name, or remove that one first.</source>
        <translation>已存在名为“%1”的 TSM（%2）。请选择其他名称，或先移除该 TSM。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="413"/>
        <source>%1 already exists. Choose another name, or remove that TSM first.</source>
        <translation>%1 已存在。请选择其他名称，或先移除该 TSM。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="414"/>
        <source>Give a version, e.g. 1.0.</source>
        <translation>请填写版本，例如 1.0。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="415"/>
        <source>Give the input name: the graph input that takes the images.</source>
        <translation>请填写输入名称：即接收图像的计算图输入。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="420"/>
        <source>Mean: give one number per channel (%1), separated by commas.</source>
        <translation>均值：请为每个通道（%1）各填写一个数值，以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="422"/>
        <source>Std: give one number per channel (%1), separated by commas.</source>
        <translation>标准差：请为每个通道（%1）各填写一个数值，以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="424"/>
        <source>Std: every value must be positive (it divides).</source>
        <translation>标准差：每个值都必须为正数（用作除数）。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="427"/>
        <source>List the labels, one per line, in the order of the model&apos;s logits.</source>
        <translation>请按模型 logits 的顺序列出标签，每行一个。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="430"/>
        <source>Labels: “%1” appears twice; each class needs its own name.</source>
        <translation>标签：“%1”出现了两次；每个类别都需要唯一的名称。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="434"/>
        <source>Give the names of the logits and features outputs.</source>
        <translation>请填写 logits 输出和特征输出的名称。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="470"/>
        <source>The manifest could not be written: %1</source>
        <translation>无法写入清单文件：%1</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="498"/>
        <source>Loading %1 as described failed, so the manifest was not kept. Correct the form and try again.

%2</source>
        <translation>按所述方式加载 %1 失败，因此未保留清单文件。请修正表单后重试。

%2</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/add_onnx_tsm_dialog.cpp" line="503"/>
        <source>

The manifest %1 could not be deleted (%2): delete it yourself.</source>
        <translation>

无法删除清单文件 %1（%2）：请自行删除。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::AgreementBadge</name>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="22"/>
        <source>Agree: %1</source>
        <translation>一致：%1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="26"/>
        <source>Disagree: VLM %1, TSM %2</source>
        <translation>不一致：VLM %1，TSM %2</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="30"/>
        <source>VLM unsure (TSM: %1)</source>
        <translation>VLM 不确定（TSM：%1）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/agreement_badge.cpp" line="34"/>
        <source>No comparison</source>
        <translation>无对比</translation>
    </message>
</context>
<context>
    <name>vitask::ui::AiPanel</name>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="34"/>
        <source>VITask model</source>
        <translation>VITask 模型</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="34"/>
        <source>LLaVA checkpoint</source>
        <translation>LLaVA 检查点</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="35"/>
        <source> · %1 · %2 M parameters</source>
        <translation> · %1 · %2 M 参数</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="36"/>
        <source> · EP (TSM width %1)</source>
        <translation> · EP（TSM 特征宽度 %1）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="184"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="185"/>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="186"/>
        <source>Recent models: a VITask run&apos;s final/ folder or a Hugging Face LLaVA folder.</source>
        <translation>最近使用的模型：VITask 训练运行的 final/ 文件夹或 Hugging Face LLaVA 文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="187"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="188"/>
        <source>Load a model folder (Ctrl+M)</source>
        <translation>加载模型文件夹（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="85"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="238"/>
        <source>Not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="189"/>
        <source>The task-specific model (image classifier) to compare with, and whose exemplar EP feeds.</source>
        <translation>用于对比的任务特定模型（图像分类器），EP 将它的范例输入模型。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="190"/>
        <source>TSM:</source>
        <translation>TSM：</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="192"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="193"/>
        <source>The task whose label set is scored; its modality and labels fill the templates.</source>
        <translation>对其标签集评分的任务；模板由它的模态和标签填充。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="194"/>
        <source>The paper&apos;s instruction and its robustness variants (incomplete, paraphrased, ...).</source>
        <translation>论文中的指令及其鲁棒性变体（不完整、改写等）。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="195"/>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="196"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="197"/>
        <source>Ask about the image shown…</source>
        <translation>就所显示的图像提问…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="198"/>
        <source>Answer with the TSM&apos;s exemplar (EP)</source>
        <translation>使用 TSM 的范例回答（EP）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="199"/>
        <source>VITask w/ EP: the TSM&apos;s feature is fed to the model. Without it the model answers alone, as it would be deployed.</source>
        <translation>VITask w/ EP：将 TSM 的特征输入模型。不勾选时模型独立回答，与实际部署时相同。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="201"/>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="202"/>
        <source>Ask about the slice shown (Ctrl+Return)</source>
        <translation>就所显示的层面提问（Ctrl+Return）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="203"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="204"/>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答（Esc）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="205"/>
        <source>%v / %m tokens</source>
        <translation>%v / %m 个 token</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="207"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="208"/>
        <source>TSM saliency</source>
        <translation>TSM 显著性图</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="209"/>
        <source>Show (H)</source>
        <translation>显示（H）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="210"/>
        <source>Opacity of the heatmap over the image</source>
        <translation>图像上热力图的不透明度</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="163"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="298"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="239"/>
        <source>The model could not be loaded: %1</source>
        <translation>无法加载模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="212"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="314"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="45"/>
        <source>%1 (broken)</source>
        <translation>%1（已损坏）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="246"/>
        <source>Ready · %1 labels · feature width %2</source>
        <translation>就绪 · %1 个标签 · 特征宽度 %2</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="254"/>
        <source>No TSM</source>
        <translation>无 TSM</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="255"/>
        <source>The TSM could not be loaded: %1</source>
        <translation>无法加载 TSM：%1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="260"/>
        <source>No TSM: the model answers alone.</source>
        <translation>无 TSM：模型独立回答。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="289"/>
        <source>Cancelled after %1 tokens.</source>
        <translation>已在生成 %1 个 token 后取消。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="290"/>
        <source>%1 tokens in %2 s%3.</source>
        <translation>%1 个 token，用时 %2 秒%3。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="293"/>
        <source>, with the exemplar</source>
        <translation>，使用了范例</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="298"/>
        <source>%1 of “%2”</source>
        <translation>“%2”的 %1</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="306"/>
        <source>No answer.</source>
        <translation>无回答。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="335"/>
        <source>Load a model folder (a VITask run&apos;s final/ or a LLaVA folder)</source>
        <translation>加载模型文件夹（VITask 训练运行的 final/ 或 LLaVA 文件夹）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="342"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="398"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="215"/>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="364"/>
        <source>(none: free question)</source>
        <translation>（无：自由提问）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="49"/>
        <source>%1 (%2, %3 labels)</source>
        <translation>%1（%2，%3 个标签）</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="372"/>
        <source>Trained with the TSM “%1”.</source>
        <translation>训练时使用的 TSM 为“%1”。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="381"/>
        <source>Describe the image.</source>
        <translation>Describe the image.</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="421"/>
        <source>Load a model first (Model › Open…).</source>
        <translation>请先加载模型（模型 › 打开…）。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="427"/>
        <source>Open an image first.</source>
        <translation>请先打开图像。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="446"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/ai_panel.cpp" line="462"/>
        <source>Answering…</source>
        <translation>正在回答…</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ArchivesDialog</name>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="34"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="35"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="36"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="49"/>
        <source>DICOM TLS</source>
        <translation>DICOM TLS</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="57"/>
        <source>PACS archives</source>
        <translation>PACS 归档</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="67"/>
        <source>DIMSE (DICOM network)</source>
        <translation>DIMSE（DICOM 网络）</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="67"/>
        <source>DICOMweb (QIDO-RS, WADO-RS, STOW-RS)</source>
        <translation>DICOMweb（QIDO-RS、WADO-RS、STOW-RS）</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="68"/>
        <source>C-GET (one connection)</source>
        <translation>C-GET（单一连接）</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="68"/>
        <source>C-MOVE to our storage SCP</source>
        <translation>C-MOVE 到本机存储 SCP</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="69"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="69"/>
        <source>User and password (Basic)</source>
        <translation>用户名和密码（Basic）</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="69"/>
        <source>Token (Bearer)</source>
        <translation>令牌（Bearer）</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="73"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="76"/>
        <source>Hospital PACS</source>
        <translation>医院 PACS</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="77"/>
        <source>pacs.hospital.org</source>
        <translation>pacs.hospital.org</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="78"/>
        <source>its AE title</source>
        <translation>其 AE 标题</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="81"/>
        <source>PEM file; the system&apos;s CAs are trusted too</source>
        <translation>PEM 文件；系统的证书颁发机构同样受信任</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="82"/>
        <source>ours (PEM), if the archive asks for one</source>
        <translation>本机证书（PEM），归档要求时使用</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="83"/>
        <source>its private key (PEM)</source>
        <translation>其私钥（PEM）</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="88"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="89"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="94"/>
        <source>Host and port</source>
        <translation>主机和端口</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="95"/>
        <source>Its AE title</source>
        <translation>对方 AE 标题</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="96"/>
        <source>Our AE title</source>
        <translation>本机 AE 标题</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="97"/>
        <source>Retrieve by</source>
        <translation>获取方式</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="98"/>
        <source>Our receive port</source>
        <translation>本机接收端口</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="100"/>
        <source>Our certificate</source>
        <translation>本机证书</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="101"/>
        <source>Our key</source>
        <translation>本机私钥</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="103"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="104"/>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="105"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="106"/>
        <source>Password or token</source>
        <translation>密码或令牌</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="108"/>
        <source>CA certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="109"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="162"/>
        <source>%1 answers and accepts us.</source>
        <translation>%1 已应答并接受连接。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="262"/>
        <source>Every archive needs a name.</source>
        <translation>每个归档都需要名称。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="266"/>
        <source>%1: give the DICOMweb base URL (http:// or https://).</source>
        <translation>%1：请填写 DICOMweb 基础 URL（http:// 或 https://）。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="268"/>
        <source>%1: give the password or token, or choose no login.</source>
        <translation>%1：请填写密码或令牌，或选择不登录。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="271"/>
        <source>%1: give the host and the archive&apos;s AE title.</source>
        <translation>%1：请填写主机和归档的 AE 标题。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="281"/>
        <source>Asking %1 ...</source>
        <translation>正在询问 %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/archives_dialog.cpp" line="291"/>
        <source>Two archives are named %1: give each its own name.</source>
        <translation>有两个归档都叫 %1：请分别命名。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::BaseModelPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="36"/>
        <source>Base model and TSM</source>
        <translation>基础模型和 TSM</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="37"/>
        <source>The vision-language model the run tunes, and the task-specific model (TSM) whose exemplars VITask learns from. The TSM is frozen; the tuned model answers without it.</source>
        <translation>本次运行要微调的视觉语言模型，以及 VITask 从其范例中学习的任务特定模型（TSM）。TSM 保持冻结；微调后的模型无需 TSM 即可回答。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="58"/>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="61"/>
        <source>A small LLaVA trained from &amp;scratch</source>
        <translation>从头训练的小型 LLaVA(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="63"/>
        <source>A few million parameters, trainable on a laptop CPU in minutes; the scratch preset first warms it up with plain instruction tuning.</source>
        <translation>数百万参数，可在笔记本电脑 CPU 上几分钟内训练完成；scratch 预设会先用普通指令微调对其进行预热。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="65"/>
        <source>A &amp;Hugging Face LLaVA folder</source>
        <translation>Hugging Face LLaVA 文件夹(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="66"/>
        <source>config.json and safetensors weights of a LLaVA-1.5 checkpoint (llava-1.5-7b-hf, …); the paper preset tunes it with LoRA.</source>
        <translation>LLaVA-1.5 检查点（llava-1.5-7b-hf 等）的 config.json 和 safetensors 权重；paper 预设使用 LoRA 对其进行微调。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="68"/>
        <source>A previous &amp;run&apos;s model</source>
        <translation>之前某次运行的模型(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="70"/>
        <source>The final/ model of a finished VITask run, to tune further or to plug in another TSM.</source>
        <translation>已完成的 VITask 运行的 final/ 模型，用于继续微调或接入另一个 TSM。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="78"/>
        <source>A folder with tokenizer.model and added_tokens.json (resources/tokenizers/vitask-scratch).</source>
        <translation>包含 tokenizer.model 和 added_tokens.json 的文件夹（resources/tokenizers/vitask-scratch）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="81"/>
        <source>Tokenizer folder</source>
        <translation>分词器文件夹</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="81"/>
        <source>To&amp;kenizer:</source>
        <translation>分词器(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="84"/>
        <source>Input side in pixels; the dataset&apos;s images are resized to it. Default: the dataset&apos;s size.</source>
        <translation>输入边长（像素）；数据集的图像将缩放到此尺寸。默认：数据集的尺寸。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="85"/>
        <source>ViT patch side; must divide the image size.</source>
        <translation>ViT patch 边长；必须能整除图像尺寸。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="88"/>
        <source>patch</source>
        <translation>patch</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="94"/>
        <source>&amp;Image size:</source>
        <translation>图像尺寸(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="96"/>
        <source>Vision tower width (CLIP ViT hidden size)</source>
        <translation>视觉塔宽度（CLIP ViT 隐藏层大小）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="97"/>
        <source>Vision tower layers</source>
        <translation>视觉塔层数</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="98"/>
        <source>Language model width (Llama hidden size)</source>
        <translation>语言模型宽度（Llama 隐藏层大小）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="99"/>
        <source>Language model layers</source>
        <translation>语言模型层数</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="100"/>
        <source>Attention heads; must divide both widths</source>
        <translation>注意力头数；必须能整除两个宽度</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="111"/>
        <source>&amp;Vision width:</source>
        <translation>视觉宽度(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="111"/>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="112"/>
        <source>layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="112"/>
        <source>Te&amp;xt width:</source>
        <translation>文本宽度(&amp;X)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="113"/>
        <source>H&amp;eads:</source>
        <translation>注意力头(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="119"/>
        <source>/models/llava-1.5-7b-hf</source>
        <translation>/models/llava-1.5-7b-hf</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="122"/>
        <source>A run folder; its final/ model is the base.</source>
        <translation>一个运行文件夹；以其中的 final/ 模型为基础。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="134"/>
        <source>Hugging Face LLaVA folder</source>
        <translation>Hugging Face LLaVA 文件夹</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="136"/>
        <source>Run folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="179"/>
        <source>Choose the model folder.</source>
        <translation>请选择模型文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="182"/>
        <source>%1 has no config.json: choose a Hugging Face LLaVA folder.</source>
        <translation>%1 中没有 config.json：请选择 Hugging Face LLaVA 文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="183"/>
        <source>%1 holds no finished model (final/config.json): choose a run that finished.</source>
        <translation>%1 中没有已完成的模型（final/config.json）：请选择已完成的运行。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/base_model_page.cpp" line="192"/>
        <source>Base: %1</source>
        <translation>基础：%1</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ComparePanel</name>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="46"/>
        <source>cancelled: no figures</source>
        <translation>已取消：无指标</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="47"/>
        <source>not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="226"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="232"/>
        <source>The instruction every sample is asked with (`vitask eval --variant`).</source>
        <translation>向每个样本提问时使用的指令（`vitask eval --variant`）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="233"/>
        <source>Your instruction, e.g. “Which skin lesion is shown?”</source>
        <translation>您的指令，例如“图中显示的是哪种皮肤病变？”</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="234"/>
        <source>Instruction:</source>
        <translation>指令：</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="235"/>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="237"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="238"/>
        <source>Evaluate the loaded model and TSM on the split (Ctrl+R)</source>
        <translation>在该划分上评估已加载的模型和 TSM（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="239"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="240"/>
        <source>Stop after the sample being answered (Ctrl+.)</source>
        <translation>在当前样本回答完后停止（Ctrl+.）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="242"/>
        <source>Only disagreements</source>
        <translation>仅显示不一致</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="243"/>
        <source>Show only the samples whose systems give different labels (Ctrl+D)</source>
        <translation>仅显示各系统给出不同标签的样本（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="244"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="245"/>
        <source>Save the rows shown as CSV (Ctrl+Shift+E)</source>
        <translation>将显示的行保存为 CSV（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="248"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="153"/>
        <source>Choose a row to see its image and where the TSM looked.</source>
        <translation>选择一行以查看其图像以及 TSM 关注的区域。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="254"/>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="256"/>
        <source>Confusion matrices (rows: truth, columns: prediction)</source>
        <translation>混淆矩阵（行：真实类别，列：预测类别）</translation>
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
        <translation>在查看器中打开</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="250"/>
        <source>Show this image in the viewer with the TSM&apos;s heatmap, and ask the AI panel about it (Ctrl+Shift+V, or double-click the row)</source>
        <translation>在查看器中显示此图像及 TSM 的热力图，并在 AI 面板中就其提问（Ctrl+Shift+V，或双击该行）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="285"/>
        <source>Failed.</source>
        <translation>失败。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="286"/>
        <source>The evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="294"/>
        <source>The sample could not be read: %1</source>
        <translation>无法读取该样本：%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="305"/>
        <source>No model loaded: load one in the AI panel (Ctrl+M).</source>
        <translation>未加载模型：请在 AI 面板中加载（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="309"/>
        <source> (EP)</source>
        <translation>（EP）</translation>
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
        <translation> · 无 TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="337"/>
        <source>No model is loaded. Load one in the AI panel (Ctrl+M).</source>
        <translation>未加载模型。请在 AI 面板中加载（Ctrl+M）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="340"/>
        <source>Write the custom instruction, or choose another one.</source>
        <translation>请填写自定义指令，或选择其他指令。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="347"/>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="355"/>
        <source>Reading the dataset and running the TSM over it…</source>
        <translation>正在读取数据集并运行 TSM…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="362"/>
        <source>Cancelling after the sample being answered…</source>
        <translation>当前样本回答完后将取消…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="402"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="402"/>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="403"/>
        <source>multi-label: no confusion matrix</source>
        <translation>多标签：无混淆矩阵</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="427"/>
        <source>%1 · %2 split, %3 of %4 samples · %5 · asked “%6”</source>
        <translation>%1 · %2 划分，%3 / %4 个样本 · %5 · 提问“%6”</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="431"/>
        <source>generated answers</source>
        <translation>生成的回答</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="431"/>
        <source>label-set scoring</source>
        <translation>标签集评分</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="433"/>
        <source>Model %1 (%2)%3</source>
        <translation>模型 %1（%2）%3</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="412"/>
        <source>Cancelled after %1 of %2 samples: no figures.</source>
        <translation>在 %1 / %2 个样本后取消：无指标。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="413"/>
        <source>%1 samples in %2.</source>
        <translation>%1 个样本，用时 %2。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="445"/>
        <source>%1 samples · %2 with disagreement · %3 shown</source>
        <translation>%1 个样本 · %2 个不一致 · 显示 %3 个</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="473"/>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="473"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="490"/>
        <source>Reading %1 #%2…</source>
        <translation>正在读取 %1 #%2…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="508"/>
        <source>%1 · truth &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1 · 真实类别 &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="513"/>
        <source> · TSM %1 (%2 %)</source>
        <translation> · TSM %1（%2 %）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/compare_panel.cpp" line="518"/>
        <source>&lt;br&gt;Heatmap: %1 saliency of “%2”.</source>
        <translation>&lt;br&gt;热力图：“%2”的 %1 显著性图。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ConfusionMatrixView</name>
    <message>
        <location filename="../ui/compare_panel/src/confusion_matrix_view.cpp" line="65"/>
        <source>Rows: the true class; columns: the predicted class. Shading: the share of the row.</source>
        <translation>行：真实类别；列：预测类别。底色深浅：占该行的比例。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/confusion_matrix_view.cpp" line="114"/>
        <source>True %1, predicted %2: %3 (%4 % of %1)</source>
        <translation>真实 %1，预测 %2：%3（占 %1 的 %4 %）</translation>
    </message>
</context>
<context>
    <name>vitask::ui::DatasetPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="44"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="45"/>
        <source>The tasks to tune for: MedMNIST .npz files, CSV manifests of images, or the synthetic benchmark. Each one is read as the trainer will read it.</source>
        <translation>要微调的任务：MedMNIST .npz 文件、图像的 CSV 清单或合成基准。每个数据集都按训练程序的方式读取。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="55"/>
        <source>Every dataset is one task; a run may train on several (the paper tunes on all twelve MedMNIST datasets at once).</source>
        <translation>每个数据集对应一个任务；一次运行可在多个数据集上训练（论文同时在全部十二个 MedMNIST 数据集上微调）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="58"/>
        <source>Add &amp;.npz…</source>
        <translation>添加 .npz 文件(&amp;.)…</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="60"/>
        <source>A MedMNIST file (bloodmnist.npz, pathmnist_64.npz, …) or any file in its layout</source>
        <translation>MedMNIST 文件（bloodmnist.npz、pathmnist_64.npz 等）或采用相同结构的任意文件</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="61"/>
        <source>Add &amp;CSV…</source>
        <translation>添加 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="63"/>
        <source>A CSV manifest with the columns path,label[,split] listing DICOM, NIfTI, PNG or JPEG files</source>
        <translation>包含 path,label[,split] 列、列出 DICOM、NIfTI、PNG 或 JPEG 文件的 CSV 清单</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="64"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="70"/>
        <source>&amp;Datasets:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="88"/>
        <source>MedMNIST datasets (*.npz)</source>
        <translation>MedMNIST 数据集 (*.npz)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="89"/>
        <source>CSV manifests (*.csv)</source>
        <translation>CSV 清单 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="95"/>
        <source>Writing dataset %1 of %2…</source>
        <translation>正在写入数据集 %1 / %2…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="101"/>
        <source>Wrote %n dataset(s).</source>
        <translation>
            <numerusform>已写入 %n 个数据集。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="111"/>
        <source>Generate a synthetic dataset</source>
        <translation>生成合成数据集</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="112"/>
        <source>`vitask data synth`: four imaging modalities drawn from scratch with findings of graded subtlety. No download and no patient data; the same seed gives the same bytes.</source>
        <translation>`vitask data synth`：从零生成四种成像模态的图像，所见的隐匿程度分级。无需下载，不含患者数据；相同的随机种子生成完全相同的数据。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="117"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="120"/>
        <source>All four modalities</source>
        <translation>全部四种模态</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="123"/>
        <source>&amp;Modality:</source>
        <translation>模态(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="130"/>
        <source>Training images per modality (default 1000: a small CNN reaches about 85–95 %)</source>
        <translation>每种模态的训练图像数（默认 1000：小型 CNN 可达约 85–95 %）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="131"/>
        <source>Validation images per modality</source>
        <translation>每种模态的验证图像数</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="132"/>
        <source>Test images per modality</source>
        <translation>每种模态的测试图像数</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="137"/>
        <source>&amp;Train / val / test:</source>
        <translation>训练 / 验证 / 测试(&amp;T)：</translation>
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
        <translation>图像尺寸(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="144"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="146"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="117"/>
        <source>Folder for the synthetic datasets</source>
        <translation>合成数据集的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_page.cpp" line="189"/>
        <source>Add datasets</source>
        <translation>添加数据集</translation>
    </message>
</context>
<context>
    <name>vitask::ui::DatasetPreviewView</name>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="65"/>
        <source>Samples of each class per split, and the first examples of each class (train split first).</source>
        <translation>各划分中每个类别的样本数，以及每个类别的前几个示例（优先取训练集）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="80"/>
        <source>Reading the dataset…</source>
        <translation>正在读取数据集…</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="80"/>
        <source>No dataset selected</source>
        <translation>未选择数据集</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="81"/>
        <source>Add a MedMNIST .npz file or a CSV manifest, or generate the synthetic benchmark, then select it to see its classes.</source>
        <translation>请添加 MedMNIST .npz 文件或 CSV 清单，或生成合成基准，然后选中它以查看其类别。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="96"/>
        <source>%1×%2 px, %3</source>
        <translation>%1×%2 px，%3</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="96"/>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="96"/>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="97"/>
        <source>%1 · %2 · %3 %4 · %5</source>
        <translation>%1 · %2 · %3 个%4 · %5</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="98"/>
        <source>modality unknown</source>
        <translation>模态未知</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="101"/>
        <source>labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="101"/>
        <source>classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="103"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="103"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="105"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/dataset_preview_view.cpp" line="129"/>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
</context>
<context>
    <name>vitask::ui::DecisionForm</name>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="26"/>
        <source>(choose a reason)</source>
        <translation>（选择原因）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="27"/>
        <source>False finding</source>
        <translation>错误所见</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="28"/>
        <source>Missed finding</source>
        <translation>遗漏所见</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="29"/>
        <source>Wrong label</source>
        <translation>标签错误</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="30"/>
        <source>Poor image quality</source>
        <translation>图像质量差</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="31"/>
        <source>Not assessable</source>
        <translation>无法评估</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="32"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="41"/>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="42"/>
        <source>&amp;Correct</source>
        <translation>更正(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="43"/>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="181"/>
        <source>Key: %1</source>
        <translation>按键：%1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="183"/>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="186"/>
        <source>The finding in your words (optional)</source>
        <translation>用您自己的话描述所见（可选）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="185"/>
        <source>&amp;Finding:</source>
        <translation>所见(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="187"/>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="190"/>
        <source>Comment (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="189"/>
        <source>Co&amp;mment:</source>
        <translation>备注(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="48"/>
        <source>very unsure</source>
        <translation>非常不确定</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="49"/>
        <source>unsure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="50"/>
        <source>moderately sure</source>
        <translation>比较确定</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="51"/>
        <source>sure</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="52"/>
        <source>certain</source>
        <translation>非常确定</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="192"/>
        <source>%1 — key %2</source>
        <translation>%1 — 按键 %2</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="191"/>
        <source>Confidence:</source>
        <translation>置信度：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="193"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="184"/>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="207"/>
        <source>(no label)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="227"/>
        <source>Your read, before the AI is shown</source>
        <translation>您的阅片结果（显示 AI 之前）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="227"/>
        <source>Your decision on the AI&apos;s answer</source>
        <translation>您对 AI 回答的决定</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="228"/>
        <source>Record my read and show the AI</source>
        <translation>记录我的阅片结果并显示 AI</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="228"/>
        <source>Save and next</source>
        <translation>保存并转到下一例</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="302"/>
        <source>Choose a label or write your finding.</source>
        <translation>请选择标签或填写您的所见。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="304"/>
        <source>Accept (A), correct (C) or reject (R) the AI&apos;s answer.</source>
        <translation>接受（A）、更正（C）或拒绝（R）AI 的回答。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="306"/>
        <source>Choose the right label or write the finding.</source>
        <translation>请选择正确的标签或填写所见。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/decision_form.cpp" line="307"/>
        <source>Choose a reason.</source>
        <translation>请选择原因。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::EvaluationForm</name>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="76"/>
        <source>A MedMNIST .npz file or a CSV manifest</source>
        <translation>MedMNIST .npz 文件或 CSV 清单</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="77"/>
        <source>The dataset the model is evaluated on, as `vitask eval --data` takes it.</source>
        <translation>用于评估模型的数据集，格式与 `vitask eval --data` 相同。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="78"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="79"/>
        <source>Choose the dataset file (Alt+B)</source>
        <translation>选择数据集文件（Alt+B）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="75"/>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="83"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="84"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="85"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="86"/>
        <source>The split evaluated (`vitask eval --split`).</source>
        <translation>要评估的划分（`vitask eval --split`）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="88"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="89"/>
        <source>Only the split&apos;s first samples, for a quick look; “all” gives the figures `vitask eval` gives.</source>
        <translation>仅取该划分的前若干样本以快速查看；选择“全部”可得到与 `vitask eval` 相同的指标。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="87"/>
        <source>Samples:</source>
        <translation>样本数：</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="81"/>
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="93"/>
        <source>Score the label set</source>
        <translation>对标签集评分</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="94"/>
        <source>Generate an answer</source>
        <translation>生成回答</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="95"/>
        <source>Scoring takes the label whose answer is most likely (and gives probabilities for the AUC); generation matches the greedy answer to a label. As `vitask eval --method`.</source>
        <translation>评分取回答概率最高的标签（并为 AUC 提供概率）；生成则将贪心解码的回答匹配到某个标签。同 `vitask eval --method`。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="97"/>
        <source>With exemplar (EP)</source>
        <translation>使用范例（EP）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="98"/>
        <source>Also answer with the TSM&apos;s exemplar (VITask w/ EP), when the model takes it.</source>
        <translation>当模型支持时，同时使用 TSM 的范例回答（VITask w/ EP）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="99"/>
        <source>TSM</source>
        <translation>TSM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="100"/>
        <source>The loaded TSM&apos;s own labels and figures (`vitask tsm eval`).</source>
        <translation>已加载 TSM 自身给出的标签和指标（`vitask tsm eval`）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="92"/>
        <source>Answers:</source>
        <translation>回答：</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="134"/>
        <source>Choose a dataset file first.</source>
        <translation>请先选择数据集文件。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="135"/>
        <source>%1 does not exist. Choose a dataset file.</source>
        <translation>%1 不存在。请选择数据集文件。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="141"/>
        <source>Dataset to evaluate</source>
        <translation>要评估的数据集</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/evaluation_form.cpp" line="142"/>
        <source>Datasets (*.npz *.csv);;All files (*)</source>
        <translation>数据集 (*.npz *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ExportDialog</name>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="28"/>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="33"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="36"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="42"/>
        <source>PDF report (a page per case)</source>
        <translation>PDF 报告（每个病例一页）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="43"/>
        <source>HTML report</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="44"/>
        <source>JSON report</source>
        <translation>JSON 报告</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="45"/>
        <source>DICOM Structured Report + key image (Secondary Capture) per case</source>
        <translation>每个病例的 DICOM 结构化报告（SR）+ 关键图像（Secondary Capture）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="46"/>
        <source>Copies of the DICOM source images</source>
        <translation>DICOM 源图像的副本</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="47"/>
        <source>Reviews as CSV</source>
        <translation>审阅结果（CSV）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="48"/>
        <source>Reviews as JSON</source>
        <translation>审阅结果（JSON）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="49"/>
        <source>Only reviewed cases</source>
        <translation>仅已审阅的病例</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="50"/>
        <source>De-identify (DICOM PS3.15 Basic Profile: no patient names, IDs or dates; new UIDs)</source>
        <translation>去标识化（DICOM PS3.15 Basic Profile：不含患者姓名、ID 和日期；生成新的 UID）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="53"/>
        <source>Send the DICOM files to the PACS (set the archive in the PACS tab)</source>
        <translation>将 DICOM 文件发送到 PACS（请在 PACS 标签页中设置归档）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="54"/>
        <source>Send the DICOM files to the PACS (%1)</source>
        <translation>将 DICOM 文件发送到 PACS（%1）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="60"/>
        <source>Write:</source>
        <translation>写入：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="71"/>
        <source>Without de-identification the files carry patients&apos; names, IDs and dates. Keep them inside your institution.</source>
        <translation>未经去标识化的文件包含患者的姓名、ID 和日期。请勿将其带出本机构。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="87"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="92"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="99"/>
        <source>The PACS took %1 file(s) and refused %2.</source>
        <translation>PACS 接收了 %1 个文件，拒绝了 %2 个。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="100"/>
        <source>The PACS took all %1 file(s).</source>
        <translation>PACS 接收了全部 %1 个文件。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="105"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="152"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="162"/>
        <source>Choose at least one thing to write.</source>
        <translation>请至少选择一项要写入的内容。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="193"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="195"/>
        <source>Stopped: the report files were not written.</source>
        <translation>已停止：报告文件未写入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/review_panel/src/export_dialog.cpp" line="220"/>
        <source>Sending %n DICOM file(s) to %1 ...</source>
        <translation>
            <numerusform>正在将 %n 个 DICOM 文件发送到 %1 ...</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitask::ui::HyperparametersPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="20"/>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="21"/>
        <source>Checked as you type by the trainer&apos;s own parser. The paper publishes none of these; the defaults are the trainer&apos;s.</source>
        <translation>输入时即由训练程序自身的解析器检查。论文未公布这些参数；默认值为训练程序的默认值。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="25"/>
        <source>Optimisation</source>
        <translation>优化</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="28"/>
        <source>Samples per optimiser step and micro-batch (default 32).</source>
        <translation>每个优化器步骤和每个微批次的样本数（默认 32）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="29"/>
        <source>&amp;Gradient accumulation:</source>
        <translation>梯度累积(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="31"/>
        <source>Micro-batches per optimiser step: the effective batch is batch size × this (default 1).</source>
        <translation>每个优化器步骤的微批次数：有效批大小为批大小 × 此值（默认 1）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="32"/>
        <source>&amp;Weight decay:</source>
        <translation>权重衰减(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="33"/>
        <source>AdamW weight decay on matrices; norms and biases are not decayed (default 0.01).</source>
        <translation>AdamW 对矩阵参数的权重衰减；归一化层和偏置不衰减（默认 0.01）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="34"/>
        <source>Warm-&amp;up ratio:</source>
        <translation>预热比例(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="35"/>
        <source>Share of each stage&apos;s steps with a linear warm-up, then cosine decay to 0; in [0, 1) (default 0.05).</source>
        <translation>每个阶段中线性预热所占的步数比例，之后余弦衰减至 0；取值范围 [0, 1)（默认 0.05）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="27"/>
        <source>Batch si&amp;ze:</source>
        <translation>批大小(&amp;Z)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="36"/>
        <source>Max gradient n&amp;orm:</source>
        <translation>最大梯度范数(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="37"/>
        <source>Gradients are clipped to this L2 norm (default 1).</source>
        <translation>梯度将裁剪到此 L2 范数（默认 1）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="42"/>
        <source>bf16: autocast of the training passes (matrix products in bfloat16; weights, gradients and optimiser in float32). Meant for CUDA; fp32 is the default.</source>
        <translation>bf16：训练过程自动混合精度（矩阵乘法使用 bfloat16；权重、梯度和优化器使用 float32）。适用于 CUDA；默认为 fp32。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="44"/>
        <source>&amp;Precision:</source>
        <translation>精度(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="46"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="48"/>
        <source>&amp;Max training samples:</source>
        <translation>最大训练样本数(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="49"/>
        <source>Per dataset; 0 trains on all. A small number sizes a quick trial run.</source>
        <translation>按数据集计；0 表示使用全部样本。较小的值适合快速试运行。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="50"/>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="51"/>
        <source>Data order, instruction variants, CRT negatives, dropout and initialisation: the same seed gives the same run.</source>
        <translation>决定数据顺序、指令变体、CRT 负样本、dropout 和初始化：相同的随机种子得到相同的运行。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="54"/>
        <source>Instruction variants sampled for training, one per sample. The paper also tunes on the incomplete instruction (no_label_set) for robustness.</source>
        <translation>训练时采样的指令变体，每个样本一个。论文还在不完整指令（no_label_set）上微调以提高鲁棒性。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="63"/>
        <source>&amp;Instructions:</source>
        <translation>指令(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="66"/>
        <source>Logging and checkpoints</source>
        <translation>日志和检查点</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="68"/>
        <source>&amp;Log every:</source>
        <translation>日志间隔(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="69"/>
        <source>Steps between metrics.jsonl records (default 10).</source>
        <translation>两条 metrics.jsonl 记录之间的步数（默认 10）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="70"/>
        <source>&amp;Checkpoint every:</source>
        <translation>检查点间隔(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="71"/>
        <source>Steps between checkpoints; 0 writes one at the end of each stage only.</source>
        <translation>两个检查点之间的步数；0 表示仅在每个阶段结束时写入一个。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="72"/>
        <source>&amp;Keep last:</source>
        <translation>保留最近(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="73"/>
        <source>Checkpoints kept besides the best one (default 2).</source>
        <translation>除最佳检查点外保留的检查点数（默认 2）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="74"/>
        <source>CPU &amp;threads:</source>
        <translation>CPU 线程数(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="75"/>
        <source>0: as the program sets them (one per core). Small models train fastest on 1.</source>
        <translation>0：由程序自行设置（每个核心一个）。小模型使用 1 个线程训练最快。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/hyperparameters_page.cpp" line="91"/>
        <source>Key: %1</source>
        <translation>配置键：%1</translation>
    </message>
</context>
<context>
    <name>vitask::ui::InstructionNames</name>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="16"/>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="17"/>
        <source>The paper&apos;s instruction: modality and label set.</source>
        <translation>论文中的指令：包含模态和标签集。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="18"/>
        <source>No label set</source>
        <translation>无标签集</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="19"/>
        <source>The label-set clause removed (incomplete instruction).</source>
        <translation>删除了标签集子句（不完整指令）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="20"/>
        <source>No modality</source>
        <translation>无模态</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="21"/>
        <source>“the given image” instead of the modality.</source>
        <translation>用“the given image”代替模态。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="22"/>
        <source>Shuffled labels</source>
        <translation>标签乱序</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="23"/>
        <source>The label set in another order for each sample.</source>
        <translation>每个样本的标签集顺序不同。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="24"/>
        <source>Paraphrase</source>
        <translation>改写</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="25"/>
        <source>Other wording, same content.</source>
        <translation>措辞不同，内容相同。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="26"/>
        <source>Typos</source>
        <translation>拼写错误</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="27"/>
        <source>Character typos in the template words; labels intact.</source>
        <translation>模板词语中含有字符拼写错误；标签保持不变。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="28"/>
        <source>Other language</source>
        <translation>其他语言</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="29"/>
        <source>German wording; the labels as the answers spell them.</source>
        <translation>德语措辞；标签与回答中的拼写一致。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="30"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/instruction_names.cpp" line="31"/>
        <source>Your own instruction, asked as written for every sample.</source>
        <translation>您自己的指令，对每个样本按原文提问。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::LogPanel</name>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="22"/>
        <source>trace</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="23"/>
        <source>debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="24"/>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="25"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="26"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="78"/>
        <source>Lowest level of the messages shown from now on</source>
        <translation>从现在起显示的消息的最低级别</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="80"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../ui/src/log_panel.cpp" line="79"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>vitask::ui::MainWindow</name>
    <message>
        <location filename="../ui/src/main_window.cpp" line="137"/>
        <source>VITask Studio</source>
        <translation>VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="138"/>
        <source>Studies</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="139"/>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="140"/>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="141"/>
        <source>DICOM Tags</source>
        <translation>DICOM 标签</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="142"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="177"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="178"/>
        <source>&amp;Open File…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="181"/>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="184"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="187"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="191"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="195"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="201"/>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="202"/>
        <source>&amp;Actual Size (1:1)</source>
        <translation>实际大小 1:1(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="203"/>
        <source>&amp;Reset Window/Level</source>
        <translation>重置窗宽/窗位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="204"/>
        <source>Window &amp;Presets</source>
        <translation>窗宽/窗位预设(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="206"/>
        <source>Corner &amp;Text</source>
        <translation>四角信息(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="212"/>
        <source>F&amp;ull Screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="217"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="218"/>
        <source>&amp;Load Model…</source>
        <translation>加载模型(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="220"/>
        <source>&amp;Ask About This Image</source>
        <translation>就此图像提问(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="223"/>
        <source>&amp;Cancel Answer</source>
        <translation>取消回答(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="225"/>
        <source>&amp;Rescan TSMs</source>
        <translation>重新扫描 TSM(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="227"/>
        <source>&amp;Worklist</source>
        <translation>工作列表(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="228"/>
        <source>&amp;Research</source>
        <translation>研究(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="232"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="233"/>
        <source>Open the &amp;Demo</source>
        <translation>打开演示(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="234"/>
        <source>&amp;Keyboard and Mouse</source>
        <translation>键盘和鼠标(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="236"/>
        <source>&amp;About VITask Studio</source>
        <translation>关于 VITask Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="237"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="254"/>
        <source>Reading headers</source>
        <translation>正在读取文件头</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="287"/>
        <source>Series %1 of %2</source>
        <translation>序列 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="311"/>
        <source>Open a study first: the model is asked about the slice shown.</source>
        <translation>请先打开检查：模型将针对所显示的层面回答问题。</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="328"/>
        <location filename="../ui/src/main_window.cpp" line="484"/>
        <source>TSM %1: %2</source>
        <translation>TSM %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="344"/>
        <source>Open an image or DICOMDIR</source>
        <translation>打开图像或 DICOMDIR</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="345"/>
        <source>Images (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>图像 (*.dcm *.DCM DICOMDIR *.nii *.nii.gz *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="352"/>
        <source>Open a folder of DICOM files</source>
        <translation>打开包含 DICOM 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="362"/>
        <source>Loading series %1…</source>
        <translation>正在加载序列 %1…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="146"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="146"/>
        <source>The open worklist</source>
        <translation>当前打开的工作列表</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="454"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="490"/>
        <source>%1 of %2 in the viewer: ask about it with Ctrl+Return</source>
        <translation>%2 中的 %1 已在查看器中：按 Ctrl+Return 提问</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="493"/>
        <source>The demo cannot be opened: %1</source>
        <translation>无法打开演示：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="510"/>
        <source>About VITask Studio</source>
        <translation>关于 VITask Studio</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="516"/>
        <source>Keyboard and Mouse</source>
        <translation>键盘和鼠标</translation>
    </message>
</context>
<context>
    <name>vitask::ui::MethodPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="36"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="37"/>
        <source>VITask adds the TSM&apos;s exemplar (EP), aligns the plain answer with it (RDA) and contrasts the image with another class&apos;s (CRT); vanilla instruction tuning trains on L_van alone.</source>
        <translation>VITask 加入 TSM 的范例（EP），使普通回答与之对齐（RDA），并将该图像与另一类别的图像进行对比（CRT）；普通指令微调仅基于 L_van 训练。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="54"/>
        <source>&amp;VITask: EP + RDA + CRT</source>
        <translation>&amp;VITask：EP + RDA + CRT</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="56"/>
        <source>L = L_van + L_ep + α·L_rda, then + β·L_crt (Bai et al. 2024). Needs a TSM.</source>
        <translation>L = L_van + L_ep + α·L_rda，然后 + β·L_crt（Bai et al. 2024）。需要 TSM。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="59"/>
        <source>The baseline the paper compares with: the same stages without the exemplar losses. No TSM needed.</source>
        <translation>论文所对比的基线：相同的阶段，但不含范例相关损失。不需要 TSM。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="66"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="70"/>
        <source>scratch — a small model trained from scratch</source>
        <translation>scratch — 从头训练的小型模型</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="71"/>
        <source>paper — LoRA on a pretrained LLaVA</source>
        <translation>paper — 在预训练 LLaVA 上使用 LoRA</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="72"/>
        <source>custom — the stages below as edited</source>
        <translation>custom — 使用下方编辑后的阶段</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="73"/>
        <source>Fills the stages, α and β (docs/training.md). Editing a stage makes the run custom.</source>
        <translation>填充阶段、α 和 β（docs/training.md）。编辑任一阶段后，运行将变为 custom。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="85"/>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="104"/>
        <source>Loss weights</source>
        <translation>损失权重</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="107"/>
        <source>α: the weight of L_rda in every stage that aligns responses. L = L_van + L_ep + α·L_rda (+ β·L_crt). Not published in the paper; our presets use 0.5.</source>
        <translation>α：在每个进行响应对齐的阶段中 L_rda 的权重。L = L_van + L_ep + α·L_rda (+ β·L_crt)。论文未公布；我们的预设使用 0.5。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="111"/>
        <source>β: the weight of L_crt in the contrastive stage (the paper&apos;s stage 2). Not published; our presets use 0.1.</source>
        <translation>β：对比阶段（论文中的阶段 2）中 L_crt 的权重。论文未公布；我们的预设使用 0.1。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="123"/>
        <source>Response distribution alignment</source>
        <translation>响应分布对齐</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="129"/>
        <source>forward: KL(p_ep ‖ p_plain), the usual distillation form (default). paper: KL(p_plain ‖ p_ep), as the paper writes it. The EP branch is the detached teacher.</source>
        <translation>forward：KL(p_ep ‖ p_plain)，常用的蒸馏形式（默认）。paper：KL(p_plain ‖ p_ep)，即论文中的写法。EP 分支作为分离梯度的教师。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="132"/>
        <source>Temperature τ of both softmaxes; the KL term is scaled by τ² (default 1).</source>
        <translation>两个 softmax 的温度 τ；KL 项按 τ² 缩放（默认 1）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="133"/>
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="57"/>
        <source>Vanilla instr&amp;uction tuning (L_van only)</source>
        <translation>普通指令微调（仅 L_van）(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="114"/>
        <source>α (&amp;RDA):</source>
        <translation>α（RDA）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="118"/>
        <source>β (&amp;CRT):</source>
        <translation>β（CRT）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="134"/>
        <source>Te&amp;mperature τ:</source>
        <translation>温度 τ(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="136"/>
        <source>Contrastive response tuning</source>
        <translation>对比响应微调</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="138"/>
        <source>De&amp;tach the negative branch</source>
        <translation>分离负样本分支的梯度(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="141"/>
        <source>Stop gradients through y_neg, the logits given another class&apos;s image. The paper does not say; default: not detached.</source>
        <translation>阻止梯度经过 y_neg（输入另一类别图像时的 logits）。论文未说明；默认：不分离。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="147"/>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="148"/>
        <source>Used by stages that train the lora group (the paper preset).</source>
        <translation>供训练 lora 参数组的阶段使用（paper 预设）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="151"/>
        <source>Rank r of the adapters (default 16; the paper does not publish it).</source>
        <translation>适配器的秩 r（默认 16；论文未公布）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="153"/>
        <source>LoRA scaling: updates are scaled by alpha / rank (default 32).</source>
        <translation>LoRA 缩放：更新量按 alpha / rank 缩放（默认 32）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="155"/>
        <source>Dropout on the adapters&apos; input (default 0.05).</source>
        <translation>适配器输入上的 dropout（默认 0.05）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="157"/>
        <source>The language model&apos;s linear layers that get adapters, comma-separated.</source>
        <translation>加装适配器的语言模型线性层，以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="162"/>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="164"/>
        <source>dropout</source>
        <translation>dropout</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="167"/>
        <source>Ran&amp;k:</source>
        <translation>秩(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="193"/>
        <source>R&amp;emove stage</source>
        <translation>移除阶段(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="288"/>
        <source>Stages: %1 · epochs in all: %2 · frozen throughout: %3 · the TSM is always frozen.</source>
        <translation>阶段：%1 · 总轮数：%2 · 始终冻结：%3 · TSM 始终冻结。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="290"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="168"/>
        <source>Tar&amp;gets:</source>
        <translation>目标层(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="187"/>
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="190"/>
        <source>Each stage trains the checked parameter groups on the checked losses; the rest is frozen.</source>
        <translation>每个阶段使用勾选的损失训练勾选的参数组；其余部分保持冻结。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="192"/>
        <source>&amp;Add stage</source>
        <translation>添加阶段(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="267"/>
        <source>warmup: L_van on vision, projector and language (4 epochs, lr 2e-3); stage1: L_van + L_ep + α·L_rda on language and connector (lr 5e-4); stage2: + β·L_crt on language.</source>
        <translation>warmup：在 vision、projector 和 language 上训练 L_van（4 轮，lr 2e-3）；stage1：在 language 和 connector 上训练 L_van + L_ep + α·L_rda（lr 5e-4）；stage2：在 language 上 + β·L_crt。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="270"/>
        <source>stage1: L_van + L_ep + α·L_rda on LoRA and the EP connector (lr 2e-4); stage2: + β·L_crt on LoRA; one epoch each, vision tower and projector frozen, as in the paper.</source>
        <translation>stage1：在 LoRA 和 EP 连接器上训练 L_van + L_ep + α·L_rda（lr 2e-4）；stage2：在 LoRA 上 + β·L_crt；每个阶段一轮，视觉塔和投影层冻结，与论文一致。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/method_page.cpp" line="273"/>
        <source>The stages as listed below.</source>
        <translation>下方列出的各阶段。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::MetricsTable</name>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="29"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="29"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="29"/>
        <source>Macro AUC</source>
        <translation>Macro AUC</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="29"/>
        <source>Unparseable</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="30"/>
        <source>Samples</source>
        <translation>样本数</translation>
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
        <translation>各类别一对其余 ROC AUC 的平均值（仅适用于标签集评分和 TSM：生成方式不提供概率）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="36"/>
        <source>Answers that named no label; they count as wrong.</source>
        <translation>未给出任何标签的回答；计为错误。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="37"/>
        <source>VITask w/o EP: the VLM alone</source>
        <translation>VITask w/o EP：仅 VLM</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="38"/>
        <source>VITask w/ EP: with the TSM&apos;s exemplar</source>
        <translation>VITask w/ EP：使用 TSM 的范例</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/metrics_table.cpp" line="71"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ModeBar</name>
    <message>
        <location filename="../ui/src/mode_bar.cpp" line="30"/>
        <source>Modes</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../ui/src/mode_bar.cpp" line="31"/>
        <source>Viewer</source>
        <translation>阅片</translation>
    </message>
    <message>
        <location filename="../ui/src/mode_bar.cpp" line="31"/>
        <source>Studies, the viewer and the AI panel</source>
        <translation>检查、图像查看器和 AI 面板</translation>
    </message>
</context>
<context>
    <name>vitask::ui::NewWorklistDialog</name>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="38"/>
        <source>New worklist</source>
        <translation>新建工作列表</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="47"/>
        <source>A study folder, a DICOMDIR, a MedMNIST .npz or a CSV manifest</source>
        <translation>检查文件夹、DICOMDIR、MedMNIST .npz 文件或 CSV 清单</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="48"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="49"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="53"/>
        <source>&amp;Cases from:</source>
        <translation>病例来源(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="56"/>
        <source>The split of a dataset to review (datasets only).</source>
        <translation>要审阅的数据集划分（仅限数据集）。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="57"/>
        <source>&amp;Split:</source>
        <translation>划分(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="59"/>
        <source>(the source&apos;s name)</source>
        <translation>（来源的名称）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="60"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="62"/>
        <source>The model&apos;s task whose labels are scored (a dataset brings its own).</source>
        <translation>对其标签评分的模型任务（数据集自带任务）。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="63"/>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="66"/>
        <source>What the model is asked about every case; empty: the task&apos;s complete instruction.</source>
        <translation>就每个病例向模型提出的问题；留空：使用该任务的完整指令。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="67"/>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="68"/>
        <source>Blinded reader study: record my own read before the AI is shown</source>
        <translation>盲法阅片研究：在显示 AI 之前记录我自己的阅片结果</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="72"/>
        <source>&amp;Reviewer:</source>
        <translation>审阅者(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="82"/>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="88"/>
        <source>Answered by &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>由 &lt;b&gt;%1&lt;/b&gt; 回答</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="89"/>
        <source> with the TSM &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>，使用 TSM &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="93"/>
        <source>Load a model in the AI panel first: the worklist&apos;s cases are answered by it.</source>
        <translation>请先在 AI 面板中加载模型：工作列表中的病例将由它回答。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="111"/>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="116"/>
        <source>Cases from</source>
        <translation>病例来源</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="112"/>
        <source>Worklist sources (DICOMDIR *.npz *.csv);;All files (*)</source>
        <translation>工作列表来源 (DICOMDIR *.npz *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="152"/>
        <source>Choose where the cases come from.</source>
        <translation>请选择病例来源。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/new_worklist_dialog.cpp" line="153"/>
        <source>Enter the reviewer&apos;s name: reviews are saved under it.</source>
        <translation>请输入审阅者姓名：审阅结果将以此姓名保存。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::PacsBridge</name>
    <message>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="22"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="29"/>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="38"/>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="51"/>
        <source>Retrieve</source>
        <translation>获取</translation>
    </message>
    <message>
        <location filename="../ui/bridge/src/pacs_bridge.cpp" line="64"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>vitask::ui::PacsBrowser</name>
    <message>
        <source>pacs.hospital.org</source>
        <translation type="vanished">pacs.hospital.org</translation>
    </message>
    <message>
        <source>its AE title</source>
        <translation type="vanished">其 AE 标题</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="186"/>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <source>Patient ID</source>
        <translation>患者 ID</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="187"/>
        <source>Name (DOE^*)</source>
        <translation>姓名 (DOE^*)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="188"/>
        <source>Modality (CT, MR, ...)</source>
        <translation>模态 (CT、MR、...)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="189"/>
        <source>From YYYYMMDD</source>
        <translation>起始 YYYYMMDD</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="190"/>
        <source>To YYYYMMDD</source>
        <translation>截止 YYYYMMDD</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="191"/>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="202"/>
        <source>Accession</source>
        <translation>检查号</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="192"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="193"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Retrieve</source>
        <translation type="vanished">获取(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="195"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="196"/>
        <source>Archive</source>
        <translation>影像归档</translation>
    </message>
    <message>
        <source>AE titles</source>
        <translation type="vanished">AE 标题</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="198"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="199"/>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="200"/>
        <source>Dates</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <source>Modalities</source>
        <translation>模态</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="201"/>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="203"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="202"/>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="203"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="157"/>
        <source>%1 answers and accepts us.</source>
        <translation>%1 已应答并接受连接。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="166"/>
        <source>%1 of %2 images</source>
        <translation>%1 / %2 幅图像</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="166"/>
        <source>%1 images</source>
        <translation>%1 幅图像</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="171"/>
        <source>Retrieved %1 images; %2 failed.</source>
        <translation>已获取 %1 幅图像；%2 幅失败。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="172"/>
        <source>Retrieved %1 images.</source>
        <translation>已获取 %1 幅图像。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="173"/>
        <source>%1 were already in the cache.</source>
        <translation>其中 %1 幅已在缓存中。</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="179"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="184"/>
        <source>&amp;Archives...</source>
        <translation>归档(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="185"/>
        <source>Add, change or remove the PACS archives (DIMSE or DICOMweb)</source>
        <translation>添加、修改或删除 PACS 归档（DIMSE 或 DICOMweb）</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="276"/>
        <source>&amp;Retrieve study</source>
        <translation>获取检查(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="276"/>
        <source>&amp;Retrieve series</source>
        <translation>获取序列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="197"/>
        <source>None yet: add one with Archives...</source>
        <translation>尚无归档：请通过“归档...”添加</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="203"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="203"/>
        <source>Modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="216"/>
        <source>Add an archive first: Archives...</source>
        <translation>请先添加归档：归档...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="258"/>
        <source>Asking %1 ...</source>
        <translation>正在询问 %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="266"/>
        <source>Searching %1 ...</source>
        <translation>正在检索 %1 ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="318"/>
        <source>Retrieving the study of %1 ...</source>
        <translation>正在获取 %1 的检查 ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="319"/>
        <source>Retrieving a series of %1 ...</source>
        <translation>正在获取 %1 的一个序列 ...</translation>
    </message>
    <message>
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="344"/>
        <source>No study matches.</source>
        <translation>没有匹配的检查。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pacs_browser/src/pacs_browser.cpp" line="344"/>
        <source>%n studies match.</source>
        <translation>
            <numerusform>%n 个检查匹配。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitask::ui::PluginsPanel</name>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="58"/>
        <source>Manifests (*.tsm.json)</source>
        <translation>清单文件 (*.tsm.json)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="59"/>
        <source>Plug-ins (*.so)</source>
        <translation>插件 (*.so)</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="66"/>
        <source>your folder</source>
        <translation>您的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="66"/>
        <source>your folder · created when opened</source>
        <translation>您的文件夹 · 打开时创建</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="67"/>
        <source>missing</source>
        <translation>不存在</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="109"/>
        <source>Select a TSM to see its labels, input and, for a broken one, the full error.</source>
        <translation>选择一个 TSM 以查看其标签、输入，以及（若已损坏）完整的错误信息。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="110"/>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="100"/>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="102"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="101"/>
        <source>Search the folders again and load every TSM (F5)</source>
        <translation>重新搜索文件夹并加载所有 TSM（F5）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="104"/>
        <source>Add ONNX TSM…</source>
        <translation>添加 ONNX TSM…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="105"/>
        <source>Describe an .onnx classifier; its manifest goes to your TSM folder after a check</source>
        <translation>描述一个 .onnx 分类器；检查通过后其清单文件将保存到您的 TSM 文件夹</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="106"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="107"/>
        <source>Open Plug-in Folder</source>
        <translation>打开插件文件夹</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="108"/>
        <source>Open one of the folders searched for TSMs in the file manager</source>
        <translation>在文件管理器中打开搜索 TSM 的文件夹之一</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="111"/>
        <source>Folders searched (first match of a name wins)</source>
        <translation>搜索的文件夹（同名时以最先找到的为准）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="112"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="112"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="113"/>
        <source>Double-click a folder to open it</source>
        <translation>双击文件夹即可打开</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="310"/>
        <source>Scanning the folders and loading every TSM…</source>
        <translation>正在扫描文件夹并加载所有 TSM…</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="311"/>
        <source>No TSMs found. Add an ONNX TSM, or put a plug-in in one of the folders below.</source>
        <translation>未找到 TSM。请添加 ONNX TSM，或将插件放入下方的某个文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="312"/>
        <source>TSMs found: %1 — ready: %2, broken: %3</source>
        <translation>找到的 TSM：%1 — 就绪：%2，已损坏：%3</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="320"/>
        <source>Select a TSM you added to remove it</source>
        <translation>选择您添加的 TSM 以将其移除</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="327"/>
        <source>Delete %1 (asks first)</source>
        <translation>删除 %1（会先确认）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="359"/>
        <source>%1 is not listed. Refresh (F5) and try again.</source>
        <translation>%1 不在列表中。请刷新（F5）后重试。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="378"/>
        <source>Remove TSM</source>
        <translation>移除 TSM</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="380"/>
        <source>Remove the plug-in “%1”?

The library %2 is deleted. If the studio has loaded it, it stays loaded until the studio restarts.</source>
        <translation>移除插件“%1”？

库文件 %2 将被删除。如果 Studio 已加载该插件，它将保持加载状态，直到 Studio 重新启动。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="383"/>
        <source>Remove the TSM “%1”?

Its manifest %2 is deleted; the model file it names is kept.</source>
        <translation>移除 TSM“%1”？

其清单文件 %2 将被删除；清单文件所指的模型文件将保留。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="400"/>
        <source>%1 does not exist. Create it first: the registry searches it when it does.</source>
        <translation>%1 不存在。请先创建它：创建后注册表会搜索该文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="405"/>
        <source>Could not create %1: %2. Check that you may write to its parent folder.</source>
        <translation>无法创建 %1：%2。请检查您是否有其上级文件夹的写入权限。</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/plugins_panel.cpp" line="412"/>
        <source>No file manager could open %1. Open the folder yourself.</source>
        <translation>没有文件管理器能够打开 %1。请自行打开该文件夹。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ProbabilityTable</name>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="59"/>
        <source>Label</source>
        <translation>标签</translation>
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
        <translation>不使用 TSM 的 VITask 模型：即推理时的回答方式。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="61"/>
        <source>The VITask model given the TSM&apos;s exemplar (exemplar prompting).</source>
        <translation>输入 TSM 范例的 VITask 模型（范例提示）。</translation>
    </message>
    <message>
        <location filename="../ui/ai_panel/src/probability_table.cpp" line="62"/>
        <source>The task-specific model (image classifier) alone.</source>
        <translation>仅任务特定模型（图像分类器）。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ResearchPages</name>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="43"/>
        <source>Runs</source>
        <translation>训练运行</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="43"/>
        <source>Training runs: launch, follow, cancel, resume, compare</source>
        <translation>训练运行：启动、跟踪、取消、继续、比较</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="44"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="44"/>
        <source>The model against its TSM on a dataset split</source>
        <translation>在数据集划分上将模型与其 TSM 进行对比</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="45"/>
        <source>Robustness</source>
        <translation>鲁棒性</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="45"/>
        <source>Macro-F1 under incomplete or altered instructions</source>
        <translation>不完整或改动后的指令下的 Macro-F1</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="46"/>
        <source>Plug-ins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="46"/>
        <source>The TSMs the registry finds; add an ONNX TSM</source>
        <translation>注册表找到的 TSM；添加 ONNX TSM</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="42"/>
        <source>&amp;New Tuning Run…</source>
        <translation>新建微调运行(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/src/research_pages.cpp" line="37"/>
        <source>Loading %1 in the AI panel</source>
        <translation>正在 AI 面板中加载 %1</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ReviewPage</name>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="20"/>
        <source>Review and launch</source>
        <translation>检查并启动</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="21"/>
        <source>The run configuration as `vitask train` will read it. Edit it freely: every edit is checked again.</source>
        <translation>`vitask train` 将读取的运行配置。可自由编辑：每次编辑都会重新检查。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="29"/>
        <source>docs/training.md describes every key.</source>
        <translation>docs/training.md 描述了每个配置键。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="36"/>
        <source>The run directory: status, metrics, checkpoints and the final model. The configuration is saved beside it as &lt;folder&gt;.yaml.</source>
        <translation>运行目录：状态、指标、检查点和最终模型。配置将以 &lt;folder&gt;.yaml 的形式保存在其旁边。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="42"/>
        <source>Run folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="43"/>
        <source>&amp;Save YAML…</source>
        <translation>保存 YAML(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="45"/>
        <source>Write the configuration to a file of your choice (to run `vitask train` yourself).</source>
        <translation>将配置写入您选择的文件（以便自行运行 `vitask train`）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="47"/>
        <source>&amp;Run folder:</source>
        <translation>运行文件夹(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="93"/>
        <source>Choose the run folder.</source>
        <translation>请选择运行文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="95"/>
        <source>%1 already holds a run: choose another folder (or resume that run from the Runs page).</source>
        <translation>%1 中已有一个运行：请选择其他文件夹（或在“运行”页面中继续该运行）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/review_page.cpp" line="96"/>
        <source>%1 is a file: choose a folder.</source>
        <translation>%1 是文件：请选择文件夹。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::ReviewPanel</name>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="67"/>
        <source>The image of this case cannot be read: %1</source>
        <translation>无法读取此病例的图像：%1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="213"/>
        <source>Blinded reader study</source>
        <translation>盲法阅片研究</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="214"/>
        <source>Record your own read of each case before the AI&apos;s answer is shown.</source>
        <translation>在显示 AI 的回答之前，记录您对每个病例的阅片结果。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="215"/>
        <source>◀ Previous</source>
        <translation>◀ 上一例</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="216"/>
        <source>Previous case (Page Up, P)</source>
        <translation>上一个病例（Page Up，P）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="217"/>
        <source>Next ▶</source>
        <translation>下一例 ▶</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="218"/>
        <source>Next case (Page Down, N)</source>
        <translation>下一个病例（Page Down，N）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="219"/>
        <source>AI answers %v / %m</source>
        <translation>AI 回答 %v / %m</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="220"/>
        <source>&amp;Summary</source>
        <translation>汇总(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="221"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="222"/>
        <source>Close worklist</source>
        <translation>关闭工作列表</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="223"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="223"/>
        <source>Case</source>
        <translation>病例</translation>
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
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="224"/>
        <source>The AI&apos;s answer is hidden until you have recorded your own read.</source>
        <translation>在您记录自己的阅片结果之前，AI 的回答处于隐藏状态。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="225"/>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="226"/>
        <source>VLM answer:</source>
        <translation>VLM 回答：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="227"/>
        <source>VLM answer with the TSM&apos;s exemplar (EP):</source>
        <translation>使用 TSM 范例的 VLM 回答（EP）：</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="228"/>
        <source>Show the TSM&apos;s saliency map (H)</source>
        <translation>显示 TSM 的显著性图（H）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="519"/>
        <source>Stop answering</source>
        <translation>停止回答</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="519"/>
        <source>Answer the rest</source>
        <translation>回答其余病例</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="524"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="310"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="310"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="312"/>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="319"/>
        <source>✓ accepted</source>
        <translation>✓ 已接受</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="320"/>
        <source>✎ corrected</source>
        <translation>✎ 已更正</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="321"/>
        <source>✗ rejected</source>
        <translation>✗ 已拒绝</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="514"/>
        <source>Case %1 of %2</source>
        <translation>病例 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="357"/>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="371"/>
        <source>Reading the image…</source>
        <translation>正在读取图像…</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="399"/>
        <source>The AI has not answered this case yet (%1 of %2 answered).</source>
        <translation>AI 尚未回答此病例（已回答 %1 / %2）。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="402"/>
        <source>The AI could not answer this case: %1</source>
        <translation>AI 无法回答此病例：%1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="413"/>
        <source>(not asked: no TSM, or the model takes no exemplar)</source>
        <translation>（未询问：无 TSM，或模型不接受范例）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="433"/>
        <source>There is no AI answer to accept yet: wait for it, or correct or reject the case.</source>
        <translation>尚无可接受的 AI 回答：请等待回答，或更正或拒绝此病例。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="456"/>
        <source>Your read was not saved: %1</source>
        <translation>您的阅片结果未保存：%1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="484"/>
        <source>The review was not saved: %1</source>
        <translation>审阅结果未保存：%1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="494"/>
        <source>All %1 cases have a review. Open the summary (Summary) or export the worklist.</source>
        <translation>全部 %1 个病例均已审阅。请打开汇总（“汇总”）或导出工作列表。</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/review_panel.cpp" line="526"/>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
</context>
<context>
    <name>vitask::ui::RobustnessPanel</name>
    <message>
        <location filename="../ui/compare_panel/src/robustness_chart.cpp" line="47"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
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
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="188"/>
        <source>Model folders, evaluated one after another (each is loaded in turn).</source>
        <translation>模型文件夹，依次评估（逐个加载）。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="189"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="190"/>
        <source>Add a model folder: a VITask run&apos;s final/ or a LLaVA folder (Ctrl+Shift+M)</source>
        <translation>添加模型文件夹：VITask 训练运行的 final/ 或 LLaVA 文件夹（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="191"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="192"/>
        <source>Remove the selected models (Del)</source>
        <translation>移除选中的模型（Del）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="193"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="194"/>
        <source>Instructions</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="201"/>
        <source>Your own instruction (optional)</source>
        <translation>您自己的指令（可选）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="202"/>
        <source>Asked as written for every sample, as one more row of the grid.</source>
        <translation>对每个样本按原文提问，作为网格中额外的一行。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="203"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="204"/>
        <source>Evaluate every model with every instruction (Ctrl+R)</source>
        <translation>用每条指令评估每个模型（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="205"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="206"/>
        <source>Stop after the sample being answered (Ctrl+.)</source>
        <translation>在当前样本回答完后停止（Ctrl+.）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="207"/>
        <source>Macro-F1 per instruction (rows), model and system (columns).</source>
        <translation>按指令（行）、模型和系统（列）列出的 Macro-F1。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="233"/>
        <source>%1 could not be loaded: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="250"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="284"/>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="299"/>
        <source>Add at least one model folder.</source>
        <translation>请至少添加一个模型文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="306"/>
        <source>Choose at least one instruction.</source>
        <translation>请至少选择一条指令。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="334"/>
        <source>Model %1 of %2: loading %3…</source>
        <translation>模型 %1 / %2：正在加载 %3…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="347"/>
        <source>Model %1 of %2: reading the dataset and running the TSM…</source>
        <translation>模型 %1 / %2：正在读取数据集并运行 TSM…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="372"/>
        <source>Cancelled: %1 of %2 models evaluated.</source>
        <translation>已取消：已评估 %1 / %2 个模型。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="373"/>
        <source>%1 of %2 models evaluated.</source>
        <translation>已评估 %1 / %2 个模型。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="387"/>
        <source>Cancelling after the sample being answered…</source>
        <translation>当前样本回答完后将取消…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="421"/>
        <source>%1
Asked, e.g.: %2</source>
        <translation>%1
提问示例：%2</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="432"/>
        <source>Macro-F1 %1 · accuracy %2 · macro AUC %3 · %4 unparseable</source>
        <translation>Macro-F1 %1 · 准确率 %2 · Macro AUC %3 · %4 个无法解析</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/robustness_panel.cpp" line="435"/>
        <source>n/a</source>
        <translation>不适用</translation>
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
        <translation>损失项</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="241"/>
        <source>What the training chart shows: every loss term the trainer logs (total = the weighted sum of L_van, L_ep, L_rda, L_crt), one of them, or the optimiser&apos;s numbers.</source>
        <translation>训练图表显示的内容：训练程序记录的所有损失项（总损失 = L_van、L_ep、L_rda、L_crt 的加权和）、其中某一项，或优化器的数值。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="244"/>
        <source>Exponential moving average of the training curves, as TensorBoard&apos;s smoothing; the raw curve stays faint behind.</source>
        <translation>训练曲线的指数移动平均，与 TensorBoard 的平滑相同；原始曲线以浅色显示在后面。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="246"/>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="248"/>
        <source>macro-F1</source>
        <translation>macro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="249"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="250"/>
        <source>The evaluation metric: validation after each stage and test at the end, without and with the TSM&apos;s exemplar (EP, dashed).</source>
        <translation>评估指标：每个阶段后的验证结果和最后的测试结果，分别为不使用和使用 TSM 范例（EP，虚线）。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="237"/>
        <source>Training:</source>
        <translation>训练：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="243"/>
        <source>Smoothing:</source>
        <translation>平滑：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="247"/>
        <source>Evaluation:</source>
        <translation>评估：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="252"/>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="422"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="369"/>
        <source>Training — select a run</source>
        <translation>训练 — 请选择一个运行</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="370"/>
        <source>Training — no records yet</source>
        <translation>训练 — 尚无记录</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="371"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="372"/>
        <source>Training: %1</source>
        <translation>训练：%1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="373"/>
        <source>Evaluation — select a run</source>
        <translation>评估 — 请选择一个运行</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="374"/>
        <source>Evaluation — none yet (after each stage)</source>
        <translation>评估 — 尚无（每个阶段后进行）</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="375"/>
        <source>Evaluation: %1</source>
        <translation>评估：%1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="386"/>
        <source>total ——, L_van – –, L_ep ···, L_rda –·, L_crt –··; EP dashed</source>
        <translation>总损失 ——，L_van – –，L_ep ···，L_rda –·，L_crt –··；EP 为虚线</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_charts.cpp" line="149"/>
        <source>%1 starts</source>
        <translation>%1 开始</translation>
    </message>
</context>
<context>
    <name>vitask::ui::RunProgress</name>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="14"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="15"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="16"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="36"/>
        <source>%v / %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="31"/>
        <source>Not run yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="66"/>
        <source>Answering…</source>
        <translation>正在回答…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/run_progress.cpp" line="72"/>
        <source>%1 answers/s · %2 left</source>
        <translation>%1 个回答/秒 · 剩余 %2</translation>
    </message>
</context>
<context>
    <name>vitask::ui::RunsPanel</name>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="21"/>
        <source>Evaluate %1</source>
        <translation>评估 %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="23"/>
        <source>Runs &lt;code&gt;vitask eval&lt;/code&gt; on the run&apos;s final model; the results are written to the run&apos;s eval/ folder and listed under Evaluations.</source>
        <translation>对该运行的最终模型执行 &lt;code&gt;vitask eval&lt;/code&gt;；结果写入该运行的 eval/ 文件夹，并列在“评估”下。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="35"/>
        <source>Not found here: remove it and add the file where it is now.</source>
        <translation>此处找不到该文件：请将其移除，再从其当前位置添加。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="40"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="41"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="48"/>
        <source>Datasets:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="51"/>
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="53"/>
        <source>score the label set</source>
        <translation>对标签集评分</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="54"/>
        <source>generate an answer</source>
        <translation>生成回答</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="55"/>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="57"/>
        <source>complete instruction</source>
        <translation>完整指令</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="58"/>
        <source>robustness grid (all 7 variants)</source>
        <translation>鲁棒性网格（全部 7 种变体）</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="59"/>
        <source>Instruction:</source>
        <translation>指令：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="60"/>
        <source>with the TSM&apos;s exemplar (EP)</source>
        <translation>使用 TSM 的范例（EP）</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="62"/>
        <source>The run&apos;s configuration names no TSM.</source>
        <translation>该运行的配置未指定 TSM。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="63"/>
        <source>TSM: %1</source>
        <translation>TSM：%1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="67"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="72"/>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/evaluate_dialog.cpp" line="73"/>
        <source>Datasets (*.npz *.csv)</source>
        <translation>数据集 (*.npz *.csv)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="31"/>
        <source>New training run</source>
        <translation>新建训练运行</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="33"/>
        <source>Runs &lt;code&gt;vitask train CONFIG --out FOLDER&lt;/code&gt; in the background. The run goes on if the studio is closed; the Runs page finds it again.</source>
        <translation>在后台执行 &lt;code&gt;vitask train CONFIG --out FOLDER&lt;/code&gt;。关闭 Studio 后运行仍会继续；“运行”页面会再次找到它。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="41"/>
        <source>run.yaml (docs/training.md)</source>
        <translation>run.yaml（docs/training.md）</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="42"/>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="47"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="43"/>
        <source>Configuration:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="46"/>
        <source>a new folder for the run</source>
        <translation>用于该运行的新文件夹</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="48"/>
        <source>Run folder:</source>
        <translation>运行文件夹：</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="55"/>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="76"/>
        <source>Run configuration</source>
        <translation>运行配置</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="77"/>
        <source>Run configurations (*.yaml *.yml)</source>
        <translation>运行配置 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="82"/>
        <source>Folder for the run</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="100"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/launch_dialog.cpp" line="102"/>
        <source>%1 already holds a run: choose another folder.</source>
        <translation>%1 中已有一个运行：请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="51"/>
        <source>Only differences</source>
        <translation>仅显示差异</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="52"/>
        <source>Hide the configuration keys all selected runs share.</source>
        <translation>隐藏所有选中运行都相同的配置键。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="53"/>
        <source>Select several runs in the list (Ctrl+click) to compare them; highlighted rows differ, the best metric of a row is bold.</source>
        <translation>在列表中选择多个运行（Ctrl+单击）进行比较；高亮的行表示存在差异，每行中最佳的指标以粗体显示。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="74"/>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="49"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="75"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="79"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="84"/>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="56"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="85"/>
        <source>best val macro-F1</source>
        <translation>最佳验证 macro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_compare_table.cpp" line="131"/>
        <source>config.yaml: %1</source>
        <translation>config.yaml：%1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="19"/>
        <source>Could not start %1: %2.</source>
        <translation>无法启动 %1：%2。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="36"/>
        <source>An evaluation of %1 is running; wait for it to finish.</source>
        <translation>%1 的评估正在进行；请等待其完成。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="40"/>
        <source>%1 has no final model yet (final/vitask.json). Evaluate a finished run.</source>
        <translation>%1 还没有最终模型（final/vitask.json）。请评估已完成的运行。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="42"/>
        <source>Choose at least one dataset file to evaluate on.</source>
        <translation>请至少选择一个用于评估的数据集文件。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="45"/>
        <source>The dataset %1 cannot be read. Choose its current location.</source>
        <translation>无法读取数据集 %1。请选择其当前位置。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="47"/>
        <source>Evaluating with the exemplar needs the run&apos;s TSM, and its configuration names none.</source>
        <translation>使用范例进行评估需要该运行的 TSM，但其配置未指定 TSM。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="65"/>
        <source>vitask eval failed (exit %1): %2</source>
        <translation>vitask eval 失败（退出代码 %1）：%2</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="65"/>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_evaluator.cpp" line="71"/>
        <source>%1: accuracy %2, macro-F1 %3</source>
        <translation>%1：准确率 %2，macro-F1 %3</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="16"/>
        <source>%1s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="17"/>
        <source>%1m%2s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="18"/>
        <source>%1h%2m</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="19"/>
        <source>%1d%2h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="48"/>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="49"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="50"/>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="51"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="52"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="53"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="54"/>
        <source>interrupted (crashed)</source>
        <translation>已中断（崩溃）</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="55"/>
        <source>not readable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="56"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="69"/>
        <source>total</source>
        <translation>总损失</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="71"/>
        <source>grad norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="72"/>
        <source>samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="73"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="81"/>
        <source>%1 (EP)</source>
        <translation>%1（EP）</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="83"/>
        <source>test %1 (EP)</source>
        <translation>测试 %1（EP）</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_format.cpp" line="84"/>
        <source>test %1</source>
        <translation>测试 %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="27"/>
        <source>Could not start %1: %2. Check that it runs from a terminal.</source>
        <translation>无法启动 %1：%2。请检查它能否在终端中运行。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="43"/>
        <source>The vitask program is missing: %1 does not exist. Install it beside the studio, or set VITASK_CLI to its path.</source>
        <translation>缺少 vitask 程序：%1 不存在。请将其安装在 Studio 旁边，或将 VITASK_CLI 设置为其路径。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="47"/>
        <source>%1 is not an executable program. Set VITASK_CLI to the vitask binary.</source>
        <translation>%1 不是可执行程序。请将 VITASK_CLI 设置为 vitask 可执行文件。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="54"/>
        <source>The run configuration %1 cannot be read. Choose an existing YAML file.</source>
        <translation>无法读取运行配置 %1。请选择一个已有的 YAML 文件。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="55"/>
        <source>Choose a folder for the run.</source>
        <translation>请为运行选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="58"/>
        <source>%1 already holds a run. Resume it from the list, or choose another folder.</source>
        <translation>%1 中已有一个运行。请从列表中继续该运行，或选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="61"/>
        <source>Cannot create the run folder %1. Choose a folder you can write to.</source>
        <translation>无法创建运行文件夹 %1。请选择一个您有写入权限的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_launcher.cpp" line="79"/>
        <source>%1 holds no run to resume (no config.yaml). Start a new run instead.</source>
        <translation>%1 中没有可继续的运行（无 config.yaml）。请改为启动新的运行。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="39"/>
        <source>The best validation macro-F1 without the exemplar so far: the trainer keeps the checkpoint that reached it.</source>
        <translation>迄今为止不使用范例时的最佳验证 macro-F1：训练程序会保留达到该值的检查点。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="42"/>
        <source>The final model&apos;s macro-F1 on the test split, asked without the exemplar (as it is deployed, without its TSM).</source>
        <translation>最终模型在测试集上不带示例提问时的宏 F1（即不配 TSM 部署时的表现）。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="45"/>
        <source>The final model&apos;s macro-F1 on the test split with the TSM&apos;s exemplar in the prompt.</source>
        <translation>最终模型在测试集上、提示中带有 TSM 示例时的宏 F1。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="48"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="50"/>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="51"/>
        <source>Steps/s</source>
        <translation>步/秒</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="52"/>
        <source>ETA</source>
        <translation>预计剩余</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="53"/>
        <source>Best val macro-F1</source>
        <translation>最佳验证 macro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="54"/>
        <source>Test macro-F1</source>
        <translation>测试宏 F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/run_table_model.cpp" line="55"/>
        <source>Test macro-F1 + EP</source>
        <translation>测试宏 F1 + EP</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="79"/>
        <source>Evaluation of %1 finished:
%2</source>
        <translation>%1 的评估已完成：
%2</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="113"/>
        <source>New run…</source>
        <translation>新建运行…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="113"/>
        <source>Start vitask train on a run configuration</source>
        <translation>基于运行配置启动 vitask train</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="114"/>
        <source>Add run folder…</source>
        <translation>添加运行文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="115"/>
        <source>List a run folder written elsewhere, e.g. copied back from a GPU server</source>
        <translation>列出在其他地方生成的运行文件夹，例如从 GPU 服务器复制回来的</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="116"/>
        <source>Stop the selected run with a checkpoint; Resume continues it</source>
        <translation>停止选中的运行并保存检查点；“继续”可恢复运行</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="117"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="117"/>
        <source>Continue a cancelled, crashed or failed run from its last checkpoint</source>
        <translation>从最后一个检查点继续已取消、崩溃或失败的运行</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="118"/>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="118"/>
        <source>Run vitask eval on the finished run&apos;s model</source>
        <translation>对已完成运行的模型执行 vitask eval</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="119"/>
        <source>Open in AI panel</source>
        <translation>在 AI 面板中打开</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="119"/>
        <source>Load the finished run&apos;s model in the AI panel</source>
        <translation>在 AI 面板中加载已完成运行的模型</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="120"/>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="127"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="121"/>
        <source>The selected runs side by side, their configuration differences highlighted</source>
        <translation>并排显示选中的运行，并高亮其配置差异</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="122"/>
        <source>Remove from list</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="122"/>
        <source>Take the selected runs off the list; their folders stay on disk</source>
        <translation>将选中的运行从列表中移除；其文件夹仍保留在磁盘上</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="123"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="124"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="125"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="128"/>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>EP</source>
        <translation>EP</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="130"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="126"/>
        <source>Evaluations</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="323"/>
        <source>vitask train exited before training started; see %1.</source>
        <translation>vitask train 在训练开始前已退出；请查看 %1。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="442"/>
        <source>No runs yet</source>
        <translation>尚无运行</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="442"/>
        <source>Select a run</source>
        <translation>请选择一个运行</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="445"/>
        <source>Start one with New run… (Ctrl+Shift+T), or list a run folder with Add run folder… (Ctrl+Shift+A).</source>
        <translation>使用“新建运行…”（Ctrl+Shift+T）启动一个运行，或使用“添加运行文件夹…”（Ctrl+Shift+A）列出一个运行文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="472"/>
        <source>%v / %m steps · ETA %1</source>
        <translation>%v / %m 步 · 预计剩余 %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="473"/>
        <source>%v / %m steps</source>
        <translation>%v / %m 步</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="475"/>
        <source>step %1 of %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="476"/>
        <source>stage %1</source>
        <translation>阶段 %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="477"/>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="478"/>
        <source>%1 processes (data parallel)</source>
        <translation>%1 个进程（数据并行）</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="479"/>
        <source>started %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="481"/>
        <source>took %1</source>
        <translation>用时 %1</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="482"/>
        <source>pid %1 on %2</source>
        <translation>pid %1，主机 %2</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="489"/>
        <source>%1 Resume (Ctrl+Shift+R) continues from its last checkpoint.</source>
        <translation>%1 按“继续”（Ctrl+Shift+R）可从最后一个检查点继续。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="491"/>
        <source>Stopping: the trainer writes a checkpoint at its next logged step, then exits.</source>
        <translation>正在停止：训练程序将在下一个记录步骤写入检查点，然后退出。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="493"/>
        <source>Training the TSM first (vitask tsm train); the run starts when it is done.</source>
        <translation>正在先训练 TSM（vitask tsm train）；完成后运行将开始。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="494"/>
        <source>Starting vitask train: preparing the model and the data.</source>
        <translation>正在启动 vitask train：准备模型和数据。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="525"/>
        <source>with</source>
        <translation>使用</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="525"/>
        <source>without</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="598"/>
        <source>Started %1 (pid %2).</source>
        <translation>已启动 %1（pid %2）。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="667"/>
        <source>%1 cannot be resumed: it is %2. Resume continues a cancelled, crashed or failed run.</source>
        <translation>无法继续 %1：其状态为“%2”。“继续”仅适用于已取消、崩溃或失败的运行。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="684"/>
        <source>Resumed %1 (pid %2).</source>
        <translation>已继续 %1（pid %2）。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="714"/>
        <source>%1 has no final model yet: it is written when the run finishes.</source>
        <translation>%1 还没有最终模型：运行完成时才会写入。</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="728"/>
        <source>Add a run folder</source>
        <translation>添加运行文件夹</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="740"/>
        <source>Stop training?</source>
        <translation>停止训练？</translation>
    </message>
    <message>
        <location filename="../ui/runs_panel/src/runs_panel.cpp" line="741"/>
        <source>Stop %1?

The trainer writes a checkpoint at its next logged step and exits. Resume continues from there with the same results as an uninterrupted run.</source>
        <translation>停止 %1？

训练程序将在下一个记录步骤写入检查点并退出。“继续”将从该处恢复，结果与未中断的运行相同。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SampleCsv</name>
    <message>
        <location filename="../ui/compare_panel/src/sample_csv.cpp" line="44"/>
        <source>%1 could not be written (%2). Choose a folder you can write to.</source>
        <translation>无法写入 %1（%2）。请选择一个您有写入权限的文件夹。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SampleTableModel</name>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="53"/>
        <source>— unparseable</source>
        <translation>— 无法解析</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="56"/>
        <source>%1 · %2 %</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="61"/>
        <source>agree</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="62"/>
        <source>disagree</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="63"/>
        <source>VLM unsure</source>
        <translation>VLM 不确定</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="66"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="99"/>
        <source>Answer: %1</source>
        <translation>回答：%1</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="108"/>
        <source>The VLM alone, as it would be deployed (VITask w/o EP)</source>
        <translation>仅 VLM，与实际部署时相同（VITask w/o EP）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="109"/>
        <source>The VLM with the TSM&apos;s exemplar (VITask w/ EP)</source>
        <translation>使用 TSM 范例的 VLM（VITask w/ EP）</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="110"/>
        <source>The task-specific model&apos;s top class</source>
        <translation>任务特定模型的最高概率类别</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="111"/>
        <source>Agree: every system gives the same label</source>
        <translation>一致：所有系统给出相同的标签</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="117"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel/src/sample_table_model.cpp" line="118"/>
        <source>Truth</source>
        <translation>真实类别</translation>
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
        <translation>一致性</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="20"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="26"/>
        <source>Automatic (CUDA when present)</source>
        <translation>自动（有 CUDA 时使用 CUDA）</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="27"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="28"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="32"/>
        <source>No CUDA GPU in this build or on this machine.</source>
        <translation>此构建版本不支持 CUDA，或本机没有 CUDA GPU。</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="35"/>
        <source>Compute device:</source>
        <translation>计算设备：</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="40"/>
        <source>one per core (%1)</source>
        <translation>每个核心一个（%1）</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="42"/>
        <source>CPU threads:</source>
        <translation>CPU 线程数：</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="47"/>
        <source>Longest answer (tokens):</source>
        <translation>最长回答（token 数）：</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="49"/>
        <source>Default study folder</source>
        <translation>默认检查文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="50"/>
        <source>Studies:</source>
        <translation>检查：</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="51"/>
        <source>Default model folder</source>
        <translation>默认模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="52"/>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="55"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="60"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../ui/settings/src/settings_dialog.cpp" line="75"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SliceViewer</name>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="133"/>
        <source>Slice</source>
        <translation>层面</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="133"/>
        <source>Time point</source>
        <translation>时间点</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="482"/>
        <source>ID: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="501"/>
        <source>Pos: %1 mm</source>
        <translation>位置：%1 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="503"/>
        <source>Th: %1 mm</source>
        <translation>层厚：%1 mm</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer.cpp" line="508"/>
        <source>Zoom: %1%</source>
        <translation>缩放：%1%</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="109"/>
        <source>window</source>
        <translation>窗</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="111"/>
        <source>%1 (VOI LUT)</source>
        <translation>%1（VOI LUT）</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="116"/>
        <source>Reset window	R</source>
        <translation>重置窗宽/窗位	R</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="117"/>
        <source>Fit to window	F</source>
        <translation>适应窗口	F</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="118"/>
        <source>1:1	1</source>
        <translation>1:1	1</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="119"/>
        <source>Annotations	I</source>
        <translation>注释	I</translation>
    </message>
    <message>
        <location filename="../ui/viewer/src/slice_viewer_input.cpp" line="124"/>
        <source>Heatmap	H</source>
        <translation>热力图	H</translation>
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
        <translation>滚轮、Up/Down、PgUp/PgDn、Home/End：切换层面
Left/Right：切换时间点（4D），否则切换层面
Ctrl+滚轮、+/-：缩放   F：适应窗口   1：1:1   双击：适应窗口
左键或中键拖动：平移
右键拖动：调节窗宽（左/右）和窗位（上/下）
右键单击：窗宽/窗位预设   R：重置窗宽/窗位
Space：电影回放   I：注释   H：热力图</translation>
    </message>
</context>
<context>
    <name>vitask::ui::StagesTable</name>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="15"/>
        <source>LR</source>
        <translation>学习率</translation>
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
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="20"/>
        <source>The stage&apos;s name (logged with every metrics record)</source>
        <translation>阶段名称（随每条指标记录一起记录）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="21"/>
        <source>Passes over the training data; fractions allowed. Paper: one epoch per stage.</source>
        <translation>遍历训练数据的次数；允许小数。论文：每个阶段一轮。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="22"/>
        <source>Peak learning rate (AdamW; warm-up, then cosine decay to 0 within the stage)</source>
        <translation>峰值学习率（AdamW；先预热，然后在阶段内余弦衰减至 0）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="23"/>
        <source>L_van: the plain answer&apos;s cross-entropy, &lt;image&gt; instruction → answer (always logged)</source>
        <translation>L_van：普通回答的交叉熵，&lt;image&gt; 指令 → 回答（始终记录）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="24"/>
        <source>L_ep: cross-entropy with the TSM&apos;s exemplar token after the image tokens (exemplar prompting)</source>
        <translation>L_ep：在图像 token 之后加入 TSM 范例 token 时的交叉熵（范例提示）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="25"/>
        <source>L_rda with weight α: the plain answer&apos;s distribution aligned with the exemplar-prompted one (KL, teacher detached): what lets the model answer without the TSM</source>
        <translation>L_rda，权重 α：使普通回答的分布与范例提示下的分布对齐（KL，教师分离梯度）：使模型无需 TSM 即可回答</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="27"/>
        <source>L_crt with weight β: contrastive response tuning, the answer must be likelier for the image than for an image of another class</source>
        <translation>L_crt，权重 β：对比响应微调，回答对于该图像的概率必须高于对于另一类别图像的概率</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="31"/>
        <source>The vision tower (CLIP ViT). Paper: frozen.</source>
        <translation>视觉塔（CLIP ViT）。论文：冻结。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="31"/>
        <source>The VLM&apos;s projector (MLP). Paper: frozen.</source>
        <translation>VLM 的投影层（MLP）。论文：冻结。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="32"/>
        <source>The language model, fully (small models)</source>
        <translation>完整的语言模型（小模型）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="33"/>
        <source>LoRA adapters on the language model (large models); needs the LoRA section</source>
        <translation>语言模型上的 LoRA 适配器（大模型）；需要 LoRA 部分的设置</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="34"/>
        <source>The EP connector: the 2-layer MLP from the TSM&apos;s feature to the exemplar token</source>
        <translation>EP 连接器：从 TSM 特征映射到范例 token 的两层 MLP</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="37"/>
        <source>What the stage minimises</source>
        <translation>该阶段最小化的目标</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/stages_table.cpp" line="97"/>
        <source>(no loss)</source>
        <translation>（无损失）</translation>
    </message>
</context>
<context>
    <name>vitask::ui::StartPage</name>
    <message numerus="yes">
        <location filename="../ui/src/start_page.cpp" line="20"/>
        <source>CUDA GPU (%n device(s))</source>
        <translation>
            <numerusform>CUDA GPU（%n 个设备）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/start_page.cpp" line="21"/>
        <source>CPU, %n thread(s)</source>
        <translation>
            <numerusform>CPU，%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="71"/>
        <source>&lt;h1&gt;VITask Studio&lt;/h1&gt;&lt;p&gt;Adapt vision-language models to medical diagnosis tasks and review their answers.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;VITask Studio&lt;/h1&gt;&lt;p&gt;使视觉语言模型适配医学诊断任务，并审阅其回答。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="74"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>LibTorch:</source>
        <translation>LibTorch：</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>Runs models on:</source>
        <translation>模型运行于：</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="82"/>
        <source> — unoptimized: install libopenblas0-pthread for ~13x faster CPU inference</source>
        <translation> — 未优化：安装 libopenblas0-pthread 可使 CPU 推理提速约 13 倍</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>BLAS:</source>
        <translation>BLAS：</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="75"/>
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="84"/>
        <source>none (console only)</source>
        <translation>无（仅输出到控制台）</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="128"/>
        <source>LibTorch %1 · %2 · BLAS: %3</source>
        <translation>LibTorch %1 · %2 · BLAS：%3</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="86"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="17"/>
        <source>the engine could not be loaded: %1</source>
        <translation>无法加载引擎：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="18"/>
        <source>loading the engine…</source>
        <translation>正在加载引擎…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="88"/>
        <source>Open File…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="88"/>
        <source>A DICOM file, a DICOMDIR, a NIfTI file or an image (Ctrl+O)</source>
        <translation>DICOM 文件、DICOMDIR、NIfTI 文件或图像（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="89"/>
        <source>Open Folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="89"/>
        <source>A folder of DICOM files, scanned with its subfolders (Ctrl+Shift+O)</source>
        <translation>包含 DICOM 文件的文件夹，连同子文件夹一起扫描（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="90"/>
        <source>Load Model…</source>
        <translation>加载模型…</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="90"/>
        <source>A VITask run&apos;s final/ folder or a Hugging Face LLaVA folder (Ctrl+M)</source>
        <translation>VITask 训练运行的 final/ 文件夹或 Hugging Face LLaVA 文件夹（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="91"/>
        <source>Open the Demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="91"/>
        <source>A synthetic chest X-ray asked with the built-in VITask model beside its TSM</source>
        <translation>一张合成胸部 X 光片，由内置 VITask 模型与其 TSM 一同回答</translation>
    </message>
    <message>
        <location filename="../ui/src/start_page.cpp" line="112"/>
        <source>Recent studies:</source>
        <translation>最近的检查：</translation>
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
        <translation>打开文件或文件夹（Ctrl+O），或拖放到此处</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="348"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="189"/>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="189"/>
        <source>Modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="189"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="189"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="348"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="276"/>
        <source>Files without patient data</source>
        <translation>无患者信息的文件</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="69"/>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="71"/>
        <source>%1   ID %2</source>
        <translation>%1   ID %2</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="76"/>
        <source>(no date)</source>
        <translation>（无日期）</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="82"/>
        <source>NIfTI</source>
        <translation>NIfTI</translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="83"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="287"/>
        <source>%n series</source>
        <translation>
            <numerusform>%n 个序列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="290"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>已跳过 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/study_browser/src/study_browser.cpp" line="297"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/study_browser/src/study_browser.cpp" line="343"/>
        <source>%1 of %2 files</source>
        <translation>%1 / %2 个文件</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SummaryDialog</name>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="31"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="32"/>
        <source>Cases</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="33"/>
        <source>Answered by the AI</source>
        <translation>AI 已回答</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="34"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="35"/>
        <source>Accepted / corrected / rejected</source>
        <translation>已接受 / 已更正 / 已拒绝</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="38"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="39"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="40"/>
        <source>Reviewer agrees with the VLM</source>
        <translation>审阅者与 VLM 一致</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="41"/>
        <source>Reviewer agrees with the TSM</source>
        <translation>审阅者与 TSM 一致</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="42"/>
        <source>Accuracy against ground truth</source>
        <translation>相对金标准的准确率</translation>
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
        <translation>审阅者（最终阅片结果）</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="46"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="47"/>
        <source>Per case, mean</source>
        <translation>每例，平均值</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="48"/>
        <source>Per case, median</source>
        <translation>每例，中位数</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="49"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="51"/>
        <source>Reader study: unaided → aided</source>
        <translation>阅片研究：无 AI 辅助 → 有 AI 辅助</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="52"/>
        <source>Cases read blinded first</source>
        <translation>先进行盲法阅片的病例</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="53"/>
        <source>Unaided reads correct</source>
        <translation>无辅助阅片正确</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="54"/>
        <source>Aided reads correct</source>
        <translation>有辅助阅片正确</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="55"/>
        <source>Reads changed after seeing the AI</source>
        <translation>看到 AI 后更改的阅片结果</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="56"/>
        <source>… from wrong to right</source>
        <translation>… 由错误改为正确</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="57"/>
        <source>… from right to wrong</source>
        <translation>… 由正确改为错误</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="58"/>
        <source>Unaided read, mean time</source>
        <translation>无辅助阅片，平均用时</translation>
    </message>
    <message>
        <location filename="../ui/review_panel/src/summary_dialog.cpp" line="70"/>
        <source>Summary of %1 — %2</source>
        <translation>%1 的汇总 — %2</translation>
    </message>
</context>
<context>
    <name>vitask::ui::SynthRunner</name>
    <message>
        <location filename="../ui/tuning_wizard/src/synth_runner.cpp" line="12"/>
        <source>Could not start %1 (%2). Set the vitask program in VITASK_CLI or install it beside the studio.</source>
        <translation>无法启动 %1（%2）。请在 VITASK_CLI 中设置 vitask 程序，或将其安装在 Studio 旁边。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/synth_runner.cpp" line="61"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/synth_runner.cpp" line="66"/>
        <source>vitask data synth stopped (exit code %1).</source>
        <translation>vitask data synth 已停止（退出代码 %1）。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::TagBrowser</name>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="31"/>
        <source>Identifies the patient.</source>
        <translation>可识别患者身份。</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="34"/>
        <source>Item %1</source>
        <translation>项目 %1</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="143"/>
        <source>Search tag (0010,0010), name or value</source>
        <translation>搜索标签 (0010,0010)、名称或值</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="144"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="144"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="144"/>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="144"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="145"/>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="210"/>
        <source>No DICOM file</source>
        <translation>无 DICOM 文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="214"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n 个元素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tag_browser/src/tag_browser.cpp" line="214"/>
        <source>%1 of %n element(s)</source>
        <translation>
            <numerusform>%1 / %n 个元素</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitask::ui::TsmChooser</name>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="27"/>
        <source>%1 (broken)</source>
        <translation>%1（已损坏）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="28"/>
        <source>%1 — %2 labels, features %3</source>
        <translation>%1 — %2 个标签，特征 %3</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="37"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="44"/>
        <source>Task-specific model (TSM)</source>
        <translation>任务特定模型（TSM）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="45"/>
        <source>An image classifier for the task (paper: a ViT-B on MedMNIST). Its feature vector becomes the exemplar token of exemplar prompting (EP); it is frozen while the VLM tunes.</source>
        <translation>针对该任务的图像分类器（论文中为在 MedMNIST 上训练的 ViT-B）。其特征向量成为范例提示（EP）的范例 token；VLM 微调期间它保持冻结。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="56"/>
        <source>From the re&amp;gistry:</source>
        <translation>从注册表中选择(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="59"/>
        <source>TSMs found in the registry&apos;s folders (`vitask tsm list`).</source>
        <translation>在注册表文件夹中找到的 TSM（`vitask tsm list`）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="60"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="67"/>
        <source>&amp;Train one first with `vitask tsm train`</source>
        <translation>先用 `vitask tsm train` 训练一个(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="68"/>
        <source>A built-in ResNet or ViT trained on the datasets before the run starts (one head over all their classes), saved where the registry finds it.</source>
        <translation>在运行开始前于这些数据集上训练的内置 ResNet 或 ViT（一个分类头覆盖所有类别），保存在注册表能找到的位置。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="76"/>
        <source>The TSM&apos;s name in the registry and the file name of its manifest.</source>
        <translation>该 TSM 在注册表中的名称，也是其清单文件的文件名。</translation>
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
        <translation>ResNet：10、18 或 34（默认 18）；ViT：块数（默认 6）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="84"/>
        <source>ResNet: first-stage channels (default 64); ViT: width (default 192)</source>
        <translation>ResNet：第一阶段通道数（默认 64）；ViT：宽度（默认 192）</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="86"/>
        <source>Training epochs; the checkpoint with the best validation macro-F1 is kept.</source>
        <translation>训练轮数；保留验证集 macro-F1 最佳的检查点。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="89"/>
        <source>The checkpoint goes into &lt;folder&gt;/&lt;name&gt;/; the registry&apos;s user folder lists it later.</source>
        <translation>检查点将保存到 &lt;folder&gt;/&lt;name&gt;/；之后注册表的用户文件夹会列出它。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="94"/>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="96"/>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="98"/>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="101"/>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="102"/>
        <source>&amp;Architecture:</source>
        <translation>架构(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="103"/>
        <source>F&amp;older:</source>
        <translation>文件夹(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="103"/>
        <source>TSM folder</source>
        <translation>TSM 文件夹</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="106"/>
        <source>&amp;Use no TSM: vanilla instruction tuning needs none</source>
        <translation>不使用 TSM(&amp;U)：普通指令微调不需要 TSM</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="190"/>
        <source>The registry lists no TSM: train one first, or use none.</source>
        <translation>注册表中没有 TSM：请先训练一个，或不使用 TSM。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="196"/>
        <source>`vitask tsm train` reads MedMNIST .npz files only: train a TSM for the CSV data elsewhere and add it to the registry.</source>
        <translation>`vitask tsm train` 只能读取 MedMNIST .npz 文件：请在其他地方为 CSV 数据训练 TSM，再将其添加到注册表。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="199"/>
        <source>Name the TSM (a file name, without &apos;/&apos;).</source>
        <translation>请为 TSM 命名（文件名，不含“/”）。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="200"/>
        <source>Choose the folder the TSM is saved in.</source>
        <translation>请选择保存 TSM 的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tsm_chooser.cpp" line="226"/>
        <source>Launch first trains the TSM into %1, then starts the run.</source>
        <translation>启动时将先训练 TSM 并保存到 %1，然后开始运行。</translation>
    </message>
</context>
<context>
    <name>vitask::ui::TsmTableModel</name>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="44"/>
        <source>… and %1 more</source>
        <translation>… 另有 %1 个</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="78"/>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="79"/>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="80"/>
        <source>Compiled</source>
        <translation>已编译</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="86"/>
        <source>%1×%2×%3</source>
        <translation>%1×%2×%3</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="112"/>
        <source>%1 (multi-label)</source>
        <translation>%1（多标签）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="114"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="114"/>
        <source>Broken: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="124"/>
        <source>A LibTorch ResNet or ViT checkpoint (manifest + safetensors)</source>
        <translation>LibTorch ResNet 或 ViT 检查点（清单文件 + safetensors）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="125"/>
        <source>An ONNX model described by a *.tsm.json manifest, run by OpenCV DNN</source>
        <translation>由 *.tsm.json 清单文件描述、通过 OpenCV DNN 运行的 ONNX 模型</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="126"/>
        <source>A compiled plug-in: a shared library implementing the TSM interface</source>
        <translation>已编译的插件：实现 TSM 接口的共享库</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="130"/>
        <source>%1 × %2 pixels; channels: %3; (x − mean) / std with mean [%4], std [%5]</source>
        <translation>%1 × %2 像素；通道数：%3；(x − 均值) / 标准差，均值 [%4]，标准差 [%5]</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="136"/>
        <source>Width of the pooled feature vector (the exemplar EP feeds the model)</source>
        <translation>池化特征向量的宽度（EP 输入模型的范例）</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="137"/>
        <source>Loaded and answered a probe batch as its metadata promises</source>
        <translation>已加载，并按其元数据所述对探测批次作出了响应</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="169"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="170"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="171"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="172"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="173"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="174"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="175"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/plugins_panel/src/tsm_table_model.cpp" line="176"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>vitask::ui::TuningWizard</name>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="24"/>
        <source>New tuning run</source>
        <translation>新建微调运行</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="28"/>
        <source>&amp;Launch</source>
        <translation>启动(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="29"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="30"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="67"/>
        <source>Launch saves the configuration beside the run folder and starts `vitask train` on the Runs page.</source>
        <translation>启动时会将配置保存在运行文件夹旁边，并在“运行”页面中启动 `vitask train`。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="69"/>
        <source>Launch saves the configuration beside the run folder, trains the TSM with `vitask tsm train`, then starts `vitask train` on the Runs page.</source>
        <translation>启动时会将配置保存在运行文件夹旁边，用 `vitask tsm train` 训练 TSM，然后在“运行”页面中启动 `vitask train`。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="110"/>
        <source>Cannot write %1: %2. Choose another folder or free disk space.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹或释放磁盘空间。</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="117"/>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="121"/>
        <source>Save the run configuration</source>
        <translation>保存运行配置</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="118"/>
        <source>Run configurations (*.yaml *.yml)</source>
        <translation>运行配置 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../ui/tuning_wizard/src/tuning_wizard.cpp" line="134"/>
        <source>Launch</source>
        <translation>启动</translation>
    </message>
</context>
<context>
    <name>vitask::ui::WorklistController</name>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="24"/>
        <source>&amp;New Worklist…</source>
        <translation>新建工作列表(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="26"/>
        <source>&amp;Open Worklist</source>
        <translation>打开工作列表(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="28"/>
        <source>&amp;Summary…</source>
        <translation>汇总(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="29"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="31"/>
        <source>&amp;Close Worklist</source>
        <translation>关闭工作列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="53"/>
        <source>Reviews cannot be saved: %1</source>
        <translation>无法保存审阅结果：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/worklist_controller.cpp" line="100"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
</context>
<context>
    <name>vitask::ui::WorklistExport</name>
    <message>
        <location filename="../ui/review_panel/src/worklist_export.cpp" line="45"/>
        <source>Case %1 of %2 — %3</source>
        <translation>病例 %1 / %2 — %3</translation>
    </message>
</context>
<context>
    <name>vitask::ui::WorklistSession</name>
    <message>
        <location filename="../ui/review_panel/src/worklist_session.cpp" line="76"/>
        <source>The worklist&apos;s model could not be loaded, so its cases cannot be answered: %1</source>
        <translation>无法加载工作列表的模型，因此无法回答其病例：%1</translation>
    </message>
</context>
</TS>
