<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&lt;p&gt;Draw a digit and watch a small NumPy backpropagation network read it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;写一个数字，看一个用 NumPy 写成的小型 BP神经网络 如何识别它。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Model in use&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;正在使用的模型&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Recipe: {recipe}&lt;br&gt;</source>
        <translation>训练方案：{recipe}&lt;br&gt;</translation>
    </message>
    <message>
        <source>Layers: {layers}&lt;br&gt;</source>
        <translation>网络结构：{layers}&lt;br&gt;</translation>
    </message>
    <message>
        <source>Trained on: {data}&lt;br&gt;</source>
        <translation>训练数据：{data}&lt;br&gt;</translation>
    </message>
    <message>
        <source>Test accuracy (450 load_digits test digits): {accuracy}&lt;br&gt;</source>
        <translation>测试集准确率（load_digits 的 450 个测试样本）：{accuracy}&lt;br&gt;</translation>
    </message>
    <message>
        <source>Created: {date}&lt;/p&gt;</source>
        <translation>创建日期：{date}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Data&lt;/b&gt;&lt;br&gt;Pen digits: E. Alpaydin and F. Alimoglu (1998), &lt;i&gt;Pen-Based Recognition of Handwritten Digits&lt;/i&gt;, UCI Machine Learning Repository, licensed &lt;a href=&apos;https://creativecommons.org/licenses/by/4.0/&apos;&gt;CC BY 4.0&lt;/a&gt;; converted to NumPy arrays, each digit shifted to start at x = 0, y = 0.&lt;br&gt;Test and training digits: scikit-learn&apos;s load_digits, a copy of the UCI &lt;i&gt;Optical Recognition of Handwritten Digits&lt;/i&gt; data (E. Alpaydin and C. Kaynak, 1998), CC BY 4.0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;数据来源&lt;/b&gt;&lt;br&gt;笔迹数字：E. Alpaydin 与 F. Alimoglu（1998），&lt;i&gt;Pen-Based Recognition of Handwritten Digits&lt;/i&gt;，UCI 机器学习数据库，采用 &lt;a href=&apos;https://creativecommons.org/licenses/by/4.0/&apos;&gt;CC BY 4.0&lt;/a&gt; 许可；已转换为 NumPy 数组，每个数字平移到从 x = 0、y = 0 开始。&lt;br&gt;测试与训练样本：scikit-learn 的 load_digits，即 UCI &lt;i&gt;Optical Recognition of Handwritten Digits&lt;/i&gt; 数据（E. Alpaydin 与 C. Kaynak，1998）的副本，CC BY 4.0。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>BackpropView</name>
    <message>
        <source>
&lt;p&gt;&lt;b&gt;Step {number}&lt;/b&gt;: training digit #{sample}, a &lt;b&gt;{label}&lt;/b&gt;.
&amp;nbsp; Loss &lt;b&gt;E = ½ Σ (t_k − y_k)² = {loss}&lt;/b&gt;
&lt;br&gt;&lt;span style=&quot;color:{muted}&quot;&gt;E is one number for how wrong this answer was:
0 is perfect.&lt;/span&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Forward.&lt;/b&gt; x = the 64 cells ÷ 16.
&lt;span style=&quot;color:{muted}&quot;&gt;The drawing as 64 numbers, 0 blank to 1 full of ink.&lt;/span&gt;&lt;br&gt;
Hidden unit {j}: z_{j} = Σ x_i·W1_i,{j} + b_{j} = &lt;b&gt;{z}&lt;/b&gt;,
h_{j} = sigmoid(z_{j}) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;) = &lt;b&gt;{h}&lt;/b&gt;
&lt;br&gt;&lt;span style=&quot;color:{muted}&quot;&gt;Each hidden unit adds up the ink it sees, each cell weighted,
and squashes the sum into 0 (silent) to 1 (firing).&lt;/span&gt;&lt;br&gt;
Outputs: y_k = sigmoid(Σ h_j·W2_j,k + b_k).
&lt;span style=&quot;color:{muted}&quot;&gt;Each output says how sure it is that the digit is its own.&lt;/span&gt;&lt;/p&gt;
&lt;table cellspacing=0 cellpadding=3 border=0&gt;&lt;tr&gt;{header}&lt;/tr&gt;{rows}&lt;/table&gt;
&lt;p&gt;&lt;span style=&quot;color:{muted}&quot;&gt;t: what each output should say (1 for the right digit, 0 for the
others). t − y: the output error. δ_k = (y_k − t_k)·y_k(1 − y_k): the error times the
sigmoid&apos;s slope, how much output k&apos;s input should fall.&lt;/span&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Backward.&lt;/b&gt; δ_{j} = h_{j}(1 − h_{j})·Σ_k W2_{j},k·δ_k = &lt;b&gt;{delta}&lt;/b&gt;
&lt;br&gt;&lt;span style=&quot;color:{muted}&quot;&gt;The blame passed back to hidden unit {j}: the output deltas,
weighted by its outgoing weights ({outgoing}, …).&lt;/span&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;Change.&lt;/b&gt; η = {rate}. Every weight moves against its gradient:
ΔW2_{j},k = −η·h_{j}·δ_k (last column), ΔW1_i,{j} = −η·x_i·δ_{j}
(the picture; largest {largest}).
&lt;br&gt;&lt;span style=&quot;color:{muted}&quot;&gt;A small step (learning rate {rate}) that makes this answer a
little less wrong. Blank cells (x_i = 0) change nothing.&lt;/span&gt;&lt;/p&gt;
</source>
        <translation>
&lt;p&gt;&lt;b&gt;第 {number} 步&lt;/b&gt;：训练样本 #{sample}，是一个 &lt;b&gt;{label}&lt;/b&gt;。
&amp;nbsp; 损失 &lt;b&gt;E = ½ Σ (t_k − y_k)² = {loss}&lt;/b&gt;
&lt;br&gt;&lt;span style=&quot;color:{muted}&quot;&gt;E 用一个数表示这次回答错得有多厉害：0 表示完全正确。&lt;/span&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;前向传播。&lt;/b&gt; x = 64 个格子 ÷ 16。
&lt;span style=&quot;color:{muted}&quot;&gt;把手写数字变成 64 个数，0 为空白，1 为满墨迹。&lt;/span&gt;&lt;br&gt;
隐藏单元 {j}：z_{j} = Σ x_i·W1_i,{j} + b_{j} = &lt;b&gt;{z}&lt;/b&gt;，
h_{j} = sigmoid(z_{j}) = 1 / (1 + e&lt;sup&gt;−z&lt;/sup&gt;) = &lt;b&gt;{h}&lt;/b&gt;
&lt;br&gt;&lt;span style=&quot;color:{muted}&quot;&gt;每个隐藏单元把它看到的墨迹按权重加起来，再把和压缩到 0（不活跃）到 1（激活）之间。&lt;/span&gt;&lt;br&gt;
输出：y_k = sigmoid(Σ h_j·W2_j,k + b_k)。
&lt;span style=&quot;color:{muted}&quot;&gt;每个输出表示网络有多确定这个数字就是它自己。&lt;/span&gt;&lt;/p&gt;
&lt;table cellspacing=0 cellpadding=3 border=0&gt;&lt;tr&gt;{header}&lt;/tr&gt;{rows}&lt;/table&gt;
&lt;p&gt;&lt;span style=&quot;color:{muted}&quot;&gt;t：每个输出应该给出的值（正确数字为 1，其余为 0）。t − y：输出误差。δ_k = (y_k − t_k)·y_k(1 − y_k)：误差乘以 sigmoid 的斜率，表示输出 k 的输入应该减小多少。&lt;/span&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;反向传播。&lt;/b&gt; δ_{j} = h_{j}(1 − h_{j})·Σ_k W2_{j},k·δ_k = &lt;b&gt;{delta}&lt;/b&gt;
&lt;br&gt;&lt;span style=&quot;color:{muted}&quot;&gt;传回隐藏单元 {j} 的“责任”：各输出的 δ 按它的输出权重（{outgoing}, …）加权求和。&lt;/span&gt;&lt;/p&gt;
&lt;p&gt;&lt;b&gt;更新。&lt;/b&gt; η = {rate}。每个权重都沿梯度的反方向移动：
ΔW2_{j},k = −η·h_{j}·δ_k（最后一列），ΔW1_i,{j} = −η·x_i·δ_{j}
（见右侧小图；最大变化 {largest}）。
&lt;br&gt;&lt;span style=&quot;color:{muted}&quot;&gt;这是一小步（学习率 {rate}），让这次的回答错得少一点。空白格子（x_i = 0）不会改变任何权重。&lt;/span&gt;&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Learn from one training digit and show every number</source>
        <translation>用一个训练样本学习一次，并显示每一个数值</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Keep learning at full speed; press again to pause</source>
        <translation>全速持续训练；再按一次暂停</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>hidden unit </source>
        <translation>隐藏单元 </translation>
    </message>
    <message>
        <source>ΔW1: how this step changes the chosen unit&apos;s 64 weights</source>
        <translation>ΔW1：这一步如何改变所选隐藏单元的 64 个权重</translation>
    </message>
    <message>
        <source>ΔW1 of the chosen unit:
blue weights grow,
red ones shrink</source>
        <translation>所选单元的 ΔW1：
蓝色权重变大，
红色权重变小</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Watch backpropagation learn.&lt;/b&gt; A fresh {units}-unit network learns the course&apos;s way: sigmoid units, squared error, learning rate {rate}, one randomly picked training digit per step. Press &lt;b&gt;Step&lt;/b&gt; to see every number of one step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;看反向传播如何学习。&lt;/b&gt;一个全新的、有 {units} 个隐藏单元的网络按课程的方法训练：sigmoid 激活、平方误差、学习率 {rate}，每一步随机选一个训练样本。按&lt;b&gt;单步&lt;/b&gt;即可看到一步中的每一个数值。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Draw a digit with the mouse</source>
        <translation>用鼠标写一个数字</translation>
    </message>
    <message>
        <source>Draw a digit here, or drop a picture of one</source>
        <translation>在这里写一个数字，或拖入一张数字图片</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>Drawn digits: the 400 pen digits of UJI writers 41–60, redrawn as on a canvas and read through the canvas&apos;s conversion. Neither the shipped model nor a model trained here ever trained on these writers (models trained with pen digits are calibrated on them).</source>
        <translation>手写数字：UJI 数据集中第 41–60 位书写者的 400 个手写笔数字，按画布上的方式重新绘制，并经过画布的转换来识别。自带模型和在这里训练的模型都从未用这些书写者的数字训练过（用手写笔数字训练的模型只用它们做校准）。</translation>
    </message>
    <message>
        <source>drawn digits (UJI writers 41–60, never trained on)</source>
        <translation>手写数字（UJI 第 41–60 位书写者，从未参与训练）</translation>
    </message>
    <message>
        <source>&lt;b&gt;In use&lt;/b&gt;</source>
        <translation>&lt;b&gt;使用中&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;New&lt;/b&gt;</source>
        <translation>&lt;b&gt;新模型&lt;/b&gt;</translation>
    </message>
    <message>
        <source>450 test digits (load_digits)</source>
        <translation>450 个测试样本（load_digits）</translation>
    </message>
    <message>
        <source>Use the new model</source>
        <translation>使用新模型</translation>
    </message>
    <message>
        <source>Put the new model in use (File → Restore brings this one back).</source>
        <translation>让新模型投入使用（文件 → 恢复 可以换回当前模型）。</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>保留当前模型</translation>
    </message>
    <message>
        <source>Discard the new model; the model in use stays.</source>
        <translation>丢弃新模型；继续使用当前模型。</translation>
    </message>
    <message>
        <source>Save new model…</source>
        <translation>保存新模型…</translation>
    </message>
    <message>
        <source>New model or model in use?</source>
        <translation>用新模型，还是当前模型？</translation>
    </message>
    <message>
        <source>The model in use</source>
        <translation>正在使用的模型</translation>
    </message>
    <message>
        <source>In use: {model}</source>
        <translation>使用中：{model}</translation>
    </message>
    <message>
        <source>The new model reads both at least as well as the one in use.</source>
        <translation>新模型在两组数据上都不比当前模型差。</translation>
    </message>
    <message>
        <source>The new model reads drawings worse than the one in use: keep current?</source>
        <translation>新模型识别手写样本比当前模型差：保留当前模型？</translation>
    </message>
    <message>
        <source>The new model reads drawings as well or better, the test digits worse.</source>
        <translation>新模型识别手写样本不比当前模型差，但测试集准确率更低。</translation>
    </message>
</context>
<context>
    <name>ConfusionWindow</name>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>还没有模型。</translation>
    </message>
    <message>
        <source>Rows are the true digits, columns what the model read. Blue: read right; red: mistakes. Click a cell to see its digits.</source>
        <translation>每一行是真实数字，每一列是模型识别出的数字。蓝色：识别正确；红色：识别错误。点击一个格子查看其中的样本。</translation>
    </message>
    <message>
        <source>The heat map appears when a model is set.</source>
        <translation>设置模型后会在这里显示热力图。</translation>
    </message>
    <message>
        <source>Click a cell.</source>
        <translation>点击一个格子。</translation>
    </message>
    <message>
        <source>True {true}, read right</source>
        <translation>真实为 {true}，识别正确</translation>
    </message>
    <message>
        <source>True {true}, read as {read}</source>
        <translation>真实为 {true}，被识别为 {read}</translation>
    </message>
    <message>
        <source>{count} test digit</source>
        <translation>{count} 个测试样本</translation>
    </message>
    <message>
        <source>{count} test digits</source>
        <translation>{count} 个测试样本</translation>
    </message>
    <message>
        <source>true {true} → {read}
{percent} sure</source>
        <translation>真实 {true} → {read}
把握 {percent}</translation>
    </message>
    <message>
        <source>Test digit #{index} (load_digits #{source})
true {true}, read as {read} with {percent} confidence</source>
        <translation>测试样本 #{index}（load_digits #{source}）
真实为 {true}，以 {percent} 的把握识别为 {read}</translation>
    </message>
    <message>
        <source>Model in use: {model}</source>
        <translation>正在使用的模型：{model}</translation>
    </message>
    <message>
        <source>Confusion matrix — {accuracy} on the test digits</source>
        <translation>混淆矩阵 — 测试集准确率 {accuracy}</translation>
    </message>
    <message>
        <source>Predicted digit</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>True digit</source>
        <translation>真实数字</translation>
    </message>
    <message>
        <source>model in use</source>
        <translation>正在使用的模型</translation>
    </message>
    <message>
        <source>{accuracy} read right — {wrong} of the {total} test digits wrong</source>
        <translation>准确率 {accuracy} — {total} 个测试样本中错了 {wrong} 个</translation>
    </message>
    <message>
        <source>Drawing the confusion matrix…</source>
        <translation>正在绘制混淆矩阵…</translation>
    </message>
</context>
<context>
    <name>DrawTab</name>
    <message>
        <source>Remove the last stroke ({keys})</source>
        <translation>撤销最后一笔（{keys}）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Start again (Esc)</source>
        <translation>清空重写（Esc）</translation>
    </message>
    <message>
        <source>It&apos;s a {digit}: keep this drawing as a {digit} (key {digit})</source>
        <translation>这是 {digit}：把这幅图作为数字 {digit} 保存（按键 {digit}）</translation>
    </message>
    <message>
        <source>What the network sees: 8×8 cells, 0–16</source>
        <translation>网络看到的输入：8×8 个格子，取值 0–16</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>为什么？</translation>
    </message>
    <message>
        <source>Colour the chosen digit&apos;s 8×8 by how each cell pushed it</source>
        <translation>按每个格子对答案的推动作用给选中数字的 8×8 着色</translation>
    </message>
    <message>
        <source>Colour the 8×8 by how each cell pushed it</source>
        <translation>按每个格子对答案的推动作用给 8×8 着色</translation>
    </message>
    <message>
        <source>What the network sees: each digit as 8×8 cells, 0–16; click one to look at it (Why?, the Inside tab)</source>
        <translation>网络看到的输入：每个数字 8×8 个格子，取值 0–16；点选一个数字来查看它（“为什么？”和“网络内部”页）</translation>
    </message>
    <message>
        <source>It&apos;s a:</source>
        <translation>这是：</translation>
    </message>
    <message>
        <source>Right or wrong, say what you drew: bpdraw keeps it to learn from</source>
        <translation>无论识别对错，告诉它你写的是几：bpdraw 会保存下来用于学习</translation>
    </message>
    <message>
        <source>{digit}: {percent}</source>
        <translation>{digit}：{percent}</translation>
    </message>
    <message>
        <source> (not sure)</source>
        <translation>（不太确定）</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>请写一个数字</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>没有加载模型</translation>
    </message>
    <message>
        <source>No digit found in this picture</source>
        <translation>这张图片里没有找到数字</translation>
    </message>
    <message>
        <source>Doesn&apos;t look like a digit</source>
        <translation>看起来不像数字</translation>
    </message>
    <message>
        <source>Not sure — {digit} or {runner_up}?</source>
        <translation>不太确定 — 是 {digit} 还是 {runner_up}？</translation>
    </message>
    <message>
        <source>{percent} sure</source>
        <translation>把握 {percent}</translation>
    </message>
    <message>
        <source>Keep the whole drawing as one {digit}, not as a number (key {digit})</source>
        <translation>把整幅图作为一个数字 {digit} 保存，而不是一个多位数（按键 {digit}）</translation>
    </message>
    <message>
        <source>Kept the whole drawing as one {digit} — {count}</source>
        <translation>已把整幅图作为一个 {digit} 保存 — {count}</translation>
    </message>
    <message>
        <source>What the network sees:
8 × 8 cells, ink 0–16</source>
        <translation>网络看到的输入：
8 × 8 个格子，墨迹 0–16</translation>
    </message>
    <message>
        <source>Could not keep this drawing: {error}</source>
        <translation>无法保存这幅图：{error}</translation>
    </message>
    <message>
        <source>{count} of your drawings</source>
        <translation>你已保存 {count} 幅</translation>
    </message>
    <message>
        <source>your first drawing</source>
        <translation>这是你的第一幅</translation>
    </message>
    <message>
        <source>Kept as a {digit} — {count}</source>
        <translation>已作为 {digit} 保存 — {count}</translation>
    </message>
</context>
<context>
    <name>InsideTab</name>
    <message>
        <source>&lt;b&gt;What the network reads&lt;/b&gt;</source>
        <translation>&lt;b&gt;网络读到的输入&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hidden units&lt;/b&gt; and the ten outputs</source>
        <translation>&lt;b&gt;隐藏单元&lt;/b&gt;与十个输出</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step through backpropagation&lt;/b&gt;</source>
        <translation>&lt;b&gt;一步一步看反向传播&lt;/b&gt;</translation>
    </message>
    <message>
        <source>64 inputs: your drawing as 8×8 cells, 0 (white) to 16.</source>
        <translation>64 个输入：你写的数字变成 8×8 个格子，0（白）到 16。</translation>
    </message>
    <message>
        <source>Each square is one hidden unit: dark = firing, pale = silent. Row →3 holds the units that vote most for 3. Lines: the links that pushed hardest on the outputs (blue for, red against). Point at a unit; click to keep it.</source>
        <translation>每个方块是一个隐藏单元：颜色深 = 激活，颜色浅 = 不活跃。→3 这一行是最支持 3 的单元。连线：对输出影响最大的连接（蓝色为支持，红色为反对）。把鼠标指向一个单元查看；点击可固定。</translation>
    </message>
    <message>
        <source>64 inputs: one of the {count} digits you drew (click another in the Draw tab&apos;s preview), as 8×8 cells, 0 (white) to 16.</source>
        <translation>64 个输入：你写的 {count} 个数字中的一个（在“手写”页的预览中点选另一个），变成 8×8 个格子，0（白）到 16。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why this answer?&lt;/b&gt; (draw something)</source>
        <translation>&lt;b&gt;为什么是这个答案？&lt;/b&gt;（请先写一个数字）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why {digit}?&lt;/b&gt;</source>
        <translation>&lt;b&gt;为什么是 {digit}？&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LearningPanel</name>
    <message>
        <source>validation digits (held out)</source>
        <translation>验证集（留出的样本）</translation>
    </message>
    <message>
        <source>test digits (for watching only)</source>
        <translation>测试集（仅用于观察）</translation>
    </message>
    <message>
        <source>held-out</source>
        <translation>留出样本</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Each tile: one hidden unit&apos;s 64 weights. Blue: ink there makes it fire; red: silences it.</source>
        <translation>每个小图：一个隐藏单元的 64 个权重。蓝色：那里有墨迹会让它激活；红色：会抑制它。</translation>
    </message>
    <message>
        <source>The loss and accuracy curves appear here while training.</source>
        <translation>训练时，损失和准确率曲线会显示在这里。</translation>
    </message>
    <message>
        <source>Hidden units&apos; weights</source>
        <translation>隐藏单元的权重</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习过程</translation>
    </message>
    <message>
        <source>Learning — {recipe} recipe, {length} {units}</source>
        <translation>学习过程 — {recipe}方案，{length} {units}</translation>
    </message>
</context>
<context>
    <name>LivePlot</name>
    <message>
        <source>Predicted digit</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>True digit</source>
        <translation>真实数字</translation>
    </message>
    <message>
        <source>Loss (training digits, log)</source>
        <translation>损失（训练集，对数坐标）</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>steps or epochs</source>
        <translation>步数或轮数</translation>
    </message>
    <message>
        <source> distorted copies
 join: loss rises</source>
        <translation> 加入变形副本：
 损失上升</translation>
    </message>
    <message>
        <source>training digits</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>previous run (faint)</source>
        <translation>上一次训练（浅色）</translation>
    </message>
</context>
<context>
    <name>LossCurve</name>
    <message>
        <source>Loss E of each step (averaged)</source>
        <translation>每一步的损失 E（取平均）</translation>
    </message>
    <message>
        <source>Loss E of each step</source>
        <translation>每一步的损失 E</translation>
    </message>
    <message>
        <source>step {number}</source>
        <translation>第 {number} 步</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>bpdraw models (*.npz);;All files (*)</source>
        <translation>bpdraw 模型 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Your drawings: {problem}.</source>
        <translation>你的手写样本：{problem}。</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>手写</translation>
    </message>
    <message>
        <source>My digits</source>
        <translation>我的数字</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>Read a &amp;picture…</source>
        <translation>识别图片(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Paste picture</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Restore previous model</source>
        <translation>恢复上一个模型(&amp;R)</translation>
    </message>
    <message>
        <source>Use &amp;shipped model</source>
        <translation>使用自带模型(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Confusion matrix</source>
        <translation>混淆矩阵(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About bpdraw</source>
        <translation>关于 bpdraw(&amp;A)</translation>
    </message>
    <message>
        <source>Go back to the model bpdraw ships with</source>
        <translation>回到 bpdraw 自带的模型</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Your taught model could not be read ({error}); using the shipped one.</source>
        <translation>无法读取你教过的模型（{error}）；改用自带模型。</translation>
    </message>
    <message>
        <source>Using the model taught your handwriting (File → Use shipped model goes back).</source>
        <translation>正在使用学过你笔迹的模型（文件 → 使用自带模型 可以换回）。</translation>
    </message>
    <message>
        <source>The saved settings could not be read; defaults are used.</source>
        <translation>无法读取保存的设置；已使用默认设置。</translation>
    </message>
    <message>
        <source>The saved window size could not be used and was reset.</source>
        <translation>保存的窗口大小不可用，已重置。</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>{path}: cannot be read as a model ({error})</source>
        <translation>{path}：无法作为模型读取（{error}）</translation>
    </message>
    <message>
        <source>Cannot save model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Saved the model to {path}</source>
        <translation>模型已保存到 {path}</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Restored the previous model: {model}</source>
        <translation>已恢复上一个模型：{model}</translation>
    </message>
    <message>
        <source>Now using the new model: {model}</source>
        <translation>现在使用新模型：{model}</translation>
    </message>
    <message>
        <source>Now using the model taught your handwriting, but it could not be kept for the next start ({error}); File → Save model… keeps it.</source>
        <translation>现在使用学过你笔迹的模型，但无法为下次启动保存它（{error}）；可用 文件 → 保存模型… 保存。</translation>
    </message>
    <message>
        <source>Now using the model taught your handwriting; it is kept for the next start</source>
        <translation>现在使用学过你笔迹的模型；下次启动也会使用它</translation>
    </message>
    <message>
        <source> (File → Use shipped model goes back).</source>
        <translation>（文件 → 使用自带模型 可以换回）。</translation>
    </message>
    <message>
        <source>Now using the shipped model; the next start uses it too</source>
        <translation>现在使用自带模型；下次启动也会使用它</translation>
    </message>
    <message>
        <source> (File → Restore previous model brings the one before back for now).</source>
        <translation>（文件 → 恢复上一个模型 可以暂时换回之前的模型）。</translation>
    </message>
    <message>
        <source>Training failed; the previous model stays. {message}</source>
        <translation>训练失败；继续使用原来的模型。{message}</translation>
    </message>
    <message>
        <source>Training cancelled; the previous model stays.</source>
        <translation>训练已取消；继续使用原来的模型。</translation>
    </message>
    <message>
        <source>About bpdraw</source>
        <translation>关于 bpdraw</translation>
    </message>
    <message>
        <source>Keep the trained model?</source>
        <translation>保留训练好的模型吗？</translation>
    </message>
    <message>
        <source>The model you trained has not been saved. Save it before quitting?</source>
        <translation>你训练的模型还没有保存。退出前要保存吗？</translation>
    </message>
</context>
<context>
    <name>MyDigitsTab</name>
    <message>
        <source>bpdraw strokes files (*.npz);;All files (*)</source>
        <translation>bpdraw 笔画文件 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Teach at least {drawings} drawings of {digits} different digits first: draw on the Draw tab and press the digit under “It&apos;s a:”.</source>
        <translation>请先教它至少 {drawings} 幅、{digits} 种不同数字的手写样本：在“手写”页写数字，然后在“这是：”下面按对应的数字。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your drawings&lt;/b&gt; (kept on this computer)</source>
        <translation>&lt;b&gt;你的手写样本&lt;/b&gt;（保存在本机）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save your drawings as a strokes file (bpdraw teach reads it)</source>
        <translation>把你的手写样本保存为笔画文件（bpdraw teach 可以读取）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Add the drawings of a strokes file</source>
        <translation>从笔画文件添加手写样本</translation>
    </message>
    <message>
        <source>Learn my handwriting</source>
        <translation>学习我的笔迹</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The app&apos;s first answer was right on {percent} of your drawings.</source>
        <translation>对你的手写样本，程序第一次识别的准确率为 {percent}。</translation>
    </message>
    <message>
        <source>The app&apos;s first answer on your drawings: not known yet.</source>
        <translation>程序对你的手写样本第一次识别的准确率：暂时未知。</translation>
    </message>
    <message>
        <source>Teaches the model in use your drawings (a few seconds). A quarter of each digit&apos;s drawings is kept aside to measure it honestly.</source>
        <translation>用你的手写样本训练正在使用的模型（几秒钟）。每个数字留出四分之一的样本不参与训练，用来如实评估效果。</translation>
    </message>
    <message>
        <source>Click a drawing to see it here.</source>
        <translation>点击一幅手写样本，在这里查看。</translation>
    </message>
    <message>
        <source>Export my drawings</source>
        <translation>导出我的手写样本</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported {count} drawings to {path}.</source>
        <translation>已将 {count} 幅手写样本导出到 {path}。</translation>
    </message>
    <message>
        <source>Import drawings</source>
        <translation>导入手写样本</translation>
    </message>
    <message>
        <source>Cannot import these drawings</source>
        <translation>无法导入这些手写样本</translation>
    </message>
    <message>
        <source>Imported {count} drawings from {name}.</source>
        <translation>已从 {name} 导入 {count} 幅手写样本。</translation>
    </message>
    <message>
        <source>Learning from your {count} drawings…</source>
        <translation>正在学习你的 {count} 幅手写样本…</translation>
    </message>
    <message>
        <source>Cancelled; the model in use did not change.</source>
        <translation>已取消；正在使用的模型没有改变。</translation>
    </message>
    <message>
        <source>A {digit} (kept {date})</source>
        <translation>数字 {digit}（保存于 {date}）</translation>
    </message>
    <message>
        <source>A {digit}, the app first read {answer} (kept {date})</source>
        <translation>数字 {digit}，程序第一次识别为 {answer}（保存于 {date}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Learned your handwriting&lt;/b&gt; in {seconds} s; now in use.</source>
        <translation>&lt;b&gt;已学会你的笔迹&lt;/b&gt;，用时 {seconds} 秒；现在正在使用。</translation>
    </message>
    <message>
        <source>Your drawings (the {held_out} kept aside, not used to teach the measured model): {before} → &lt;b&gt;{after}&lt;/b&gt; right.</source>
        <translation>你的手写样本（留出的 {held_out} 幅，未用于训练被评估的模型）：准确率 {before} → &lt;b&gt;{after}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Your drawings: not measured ({note}).</source>
        <translation>你的手写样本：未评估（{note}）。</translation>
    </message>
    <message>
        <source>The 450 test digits: {before} → &lt;b&gt;{after}&lt;/b&gt;.</source>
        <translation>450 个测试样本：{before} → &lt;b&gt;{after}&lt;/b&gt;。</translation>
    </message>
</context>
<context>
    <name>PictureReader</name>
    <message>
        <source>Pictures ({patterns});;All files (*)</source>
        <translation>图片 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Read a picture</source>
        <translation>识别图片</translation>
    </message>
    <message>
        <source>the pasted picture</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>The clipboard holds no picture: copy one, then paste</source>
        <translation>剪贴板里没有图片：请先复制一张图片，再粘贴</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在识别 {name}…</translation>
    </message>
    <message>
        <source>Read {name}: draw on the canvas to start again</source>
        <translation>已识别 {name}：在画板上书写即可重新开始</translation>
    </message>
    <message>
        <source>Cannot read the picture</source>
        <translation>无法读取图片</translation>
    </message>
    <message>
        <source>the dropped picture</source>
        <translation>拖入的图片</translation>
    </message>
</context>
<context>
    <name>RecipeForm</name>
    <message>
        <source>Recipe</source>
        <translation>训练方案</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Put back the values of the chosen preset.</source>
        <translation>恢复所选预设的数值。</translation>
    </message>
    <message>
        <source>The saved training settings could not be used ({error}); the default preset is back.</source>
        <translation>保存的训练设置无法使用（{error}），已恢复默认预设。</translation>
    </message>
    <message>
        <source>Shipped model&apos;s recipe</source>
        <translation>自带模型的方案</translation>
    </message>
    <message>
        <source>The course (classic)</source>
        <translation>课程原版（经典）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>The model in use&apos;s recipe</source>
        <translation>当前模型的方案</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>A preset fills in every setting below; change any of them to experiment.</source>
        <translation>预设会一次填好下面所有设置；改动任何一项都可以做实验。</translation>
    </message>
    <message>
        <source>How many units sit between the 64 pixels and the 10 digits. More can learn more shapes but train slower.</source>
        <translation>隐藏层里有多少个单元，位于 64 个像素输入和 10 个数字输出之间。单元越多，能学会的形状越多，但训练更慢。</translation>
    </message>
    <message>
        <source>How big a step each correction takes. Too big and the loss jumps around or explodes; too small and learning crawls.</source>
        <translation>每次修正迈多大一步。太大，损失会来回跳动甚至发散；太小，学习会非常缓慢。</translation>
    </message>
    <message>
        <source>Each step shows the network one training digit and corrects it once.</source>
        <translation>每一步给网络看一个训练集数字，并修正一次权重。</translation>
    </message>
    <message>
        <source>An epoch shows the network every training digit once. It may stop sooner when the validation digits stop improving.</source>
        <translation>一轮让网络把训练集里的每个数字都看一遍。验证集数字不再进步时，训练可能提前停止。</translation>
    </message>
    <message>
        <source>Picks the random start and order: the same seed gives the same model.</source>
        <translation>决定随机的初始权重和样本顺序：相同的种子得到相同的模型。</translation>
    </message>
    <message>
        <source>load_digits: 1,347 scanned digits. Pen digits add people&apos;s pen strokes rendered like your drawings, so drawn digits are read better.</source>
        <translation>load_digits：1,347 个扫描的数字。手写笔数字加入了人们用笔写的笔画，按你手写的方式转换，所以手写的数字认得更准。</translation>
    </message>
    <message>
        <source>Greyed out: the classic recipe trains on load_digits only, as the course did.</source>
        <translation>不可选：经典方案和课程一样，只用 load_digits 训练。</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>The model in use</source>
        <translation>正在使用的模型</translation>
    </message>
    <message>
        <source>The new model</source>
        <translation>新模型</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Precision: of the digits read as d, the share that are d.
Recall: of the true d&apos;s, the share read as d.</source>
        <translation>精确率：被识别为 d 的样本中，真正是 d 的比例。
召回率：真正是 d 的样本中，被识别为 d 的比例。</translation>
    </message>
    <message>
        <source>Measuring the model in use…</source>
        <translation>正在评估当前模型…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{whose} on the 450 test digits&lt;/b&gt;</source>
        <translation>&lt;b&gt;{whose}在 450 个测试样本上的表现&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Details on the 450 test digits&lt;/b&gt;</source>
        <translation>&lt;b&gt;450 个测试样本上的详细结果&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>TeachWorker</name>
    <message>
        <source>Teaching failed unexpectedly: {error}</source>
        <translation>训练意外失败：{error}</translation>
    </message>
</context>
<context>
    <name>TrainTab</name>
    <message>
        <source>The new model is now in use. File → Restore previous model undoes it.</source>
        <translation>新模型已投入使用。文件 → 恢复上一个模型 可以撤销。</translation>
    </message>
    <message>
        <source>Kept the model in use; the new model is discarded.</source>
        <translation>保留正在使用的模型；新模型已丢弃。</translation>
    </message>
    <message>
        <source>Save new model</source>
        <translation>保存新模型</translation>
    </message>
    <message>
        <source>Saved the new model to {path}.</source>
        <translation>新模型已保存到 {path}。</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open confusion matrix…</source>
        <translation>打开混淆矩阵…</translation>
    </message>
    <message>
        <source>See which test digits the model in use gets wrong.</source>
        <translation>查看当前模型认错了哪些测试集数字。</translation>
    </message>
    <message>
        <source>Getting ready to train…</source>
        <translation>正在准备训练…</translation>
    </message>
    <message>
        <source>Done in {time}</source>
        <translation>完成，用时 {time}</translation>
    </message>
    <message>
        <source>Trained in {time}. Compare the new model with the one in use, then choose: the model in use stays until you do.</source>
        <translation>训练完成，用时 {time}。请比较新模型和当前模型，再做选择：在你选择之前，仍使用当前模型。</translation>
    </message>
    <message>
        <source>Trained in {time}.</source>
        <translation>训练完成，用时 {time}。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cancelled at %p%</source>
        <translation>已在 %p% 处取消</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Training the {recipe} recipe: 64-{hidden}-10, {length} {units}, learning rate {rate}, seed {seed}…</source>
        <translation>正在用{recipe}方案训练：64-{hidden}-10，{length} {units}，学习率 {rate}，随机种子 {seed}…</translation>
    </message>
    <message>
        <source>Preparing the pen digits{counted}…{left}</source>
        <translation>正在准备手写笔数字{counted}…{left}</translation>
    </message>
    <message>
        <source>Preparing the digits{counted}…{left}</source>
        <translation>正在准备数字{counted}…{left}</translation>
    </message>
    <message>
        <source>  ·  about {time} left</source>
        <translation>  ·  约剩 {time}</translation>
    </message>
    <message>
        <source>Training cancelled — still using the previous model.</source>
        <translation>训练已取消——仍在使用原来的模型。</translation>
    </message>
    <message>
        <source>Retrain trains a new network with these settings. You then see it beside the model in use and choose which to keep.</source>
        <translation>“重新训练”会按这些设置训练一个新的网络。训练完成后，它会与当前模型并排显示，由你决定保留哪一个。</translation>
    </message>
    <message>
        <source>{message}
Still using the previous model.</source>
        <translation>{message}
仍在使用原来的模型。</translation>
    </message>
    <message>
        <source>stopped here: {reason}</source>
        <translation>在此停止：{reason}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training ended without producing a model.</source>
        <translation>训练结束了，但没有得到模型。</translation>
    </message>
    <message>
        <source>Bad training settings: {error}</source>
        <translation>训练设置有误：{error}</translation>
    </message>
    <message>
        <source>Training failed unexpectedly: {error}</source>
        <translation>训练意外失败：{error}</translation>
    </message>
</context>
<context>
    <name>UnitDetail</name>
    <message>
        <source>Point at a hidden unit to see what it looks for</source>
        <translation>把鼠标指向一个隐藏单元，看看它在寻找什么</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hidden unit {unit}&lt;/b&gt;: votes most for {digit}</source>
        <translation>&lt;b&gt;隐藏单元 {unit}&lt;/b&gt;：最支持 {digit}</translation>
    </message>
    <message>
        <source>; on this drawing it fires {activation}</source>
        <translation>；在这幅图上的激活值为 {activation}</translation>
    </message>
</context>
<context>
    <name>WeightMosaic</name>
    <message>
        <source>What each hidden unit looks for: its 64 incoming weights as an 8×8 tile. Blue: ink there makes it fire; red: ink there silences it.</source>
        <translation>每个隐藏单元在寻找什么：它的 64 个输入权重排成 8×8 的小图。蓝色：那里有墨迹会让它激活；红色：那里有墨迹会抑制它。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). Run bpdraw in a desktop session, or use its commands: bpdraw --help</source>
        <translation>没有可以打开窗口的显示器（DISPLAY 和 WAYLAND_DISPLAY 都没有设置）。请在桌面会话中运行 bpdraw，或者使用它的命令：bpdraw --help</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>--shipped is the fast recipe&apos;s; leave out --recipe {recipe}</source>
        <translation>--shipped 属于快速方案；请去掉 --recipe {recipe}</translation>
    </message>
    <message>
        <source>--{option} is for the {other} recipe; the {recipe} recipe counts --{length}</source>
        <translation>--{option} 用于 {other} 方案；{recipe} 方案用 --{length} 计数</translation>
    </message>
    <message>
        <source>--data is for the fast recipe; the {recipe} recipe uses {data}</source>
        <translation>--data 只用于 fast 方案；{recipe} 方案使用 {data}</translation>
    </message>
    <message>
        <source>training: {recipe} recipe, {settings}</source>
        <translation>训练：{recipe} 方案，{settings}</translation>
    </message>
    <message>
        <source>trained in {seconds} s</source>
        <translation>训练用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>not saved: to keep the model, run the same command again with -o FILE.npz (the same settings and seed give the same model)</source>
        <translation>未保存：要保留这个模型，请加上 -o FILE.npz 再运行一次同样的命令（相同的设置和随机种子会得到相同的模型）</translation>
    </message>
    <message>
        <source>saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>on {count} test digits</source>
        <translation>（准确率，测试集 {count} 个数字）</translation>
    </message>
    <message>
        <source>, ~{time} left in all</source>
        <translation>，总共约剩 {time}</translation>
    </message>
    <message>
        <source>preparing the training data {done}/{steps} ({elapsed}{left})</source>
        <translation>正在准备训练数据 {done}/{steps}（{elapsed}{left}）</translation>
    </message>
    <message>
        <source>val {accuracy}</source>
        <translation>验证 {accuracy}</translation>
    </message>
    <message>
        <source>~{time} left</source>
        <translation>约剩 {time}</translation>
    </message>
    <message>
        <source>{unit} {done}/{total} loss {loss} train {accuracy}</source>
        <translation>{unit} {done}/{total} 损失 {loss} 训练 {accuracy}</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>true\pred</source>
        <translation>真实\预测</translation>
    </message>
    <message>
        <source>model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>{path} holds no drawings</source>
        <translation>{path} 里没有手写数字</translation>
    </message>
    <message>
        <source>{path}: every drawing reads as nothing drawn</source>
        <translation>{path}：每个手写数字都被读成空白</translation>
    </message>
    <message>
        <source>strokes: {count} drawings from {path}, {blank} read as nothing drawn (counted wrong)</source>
        <translation>笔画：{path} 中的 {count} 个手写数字，其中 {blank} 个被读成空白（算作错误）</translation>
    </message>
    <message>
        <source>through the canvas&apos;s conversion</source>
        <translation>（准确率，经画布的转换）</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：没有这个文件</translation>
    </message>
    <message>
        <source>{path}: a folder with no pictures in it</source>
        <translation>{path}：文件夹里没有图片</translation>
    </message>
    <message>
        <source>{path}: nothing drawn (the image looks blank)</source>
        <translation>{path}：没有写任何东西（图片看起来是空白的）</translation>
    </message>
    <message>
        <source>{path}: cannot read this image: {problem}</source>
        <translation>{path}：无法读取这张图片：{problem}</translation>
    </message>
    <message>
        <source>not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Draw a digit and let a NumPy backpropagation network read it. Run with no arguments to open the app.</source>
        <translation>写一个数字，让用 NumPy 实现的 BP 神经网络（反向传播）来识别。不带参数运行即可打开图形界面。</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>evaluate a saved or the shipped model</source>
        <translation>评估一个保存的模型或自带模型</translation>
    </message>
    <message>
        <source>Accuracy, confusion matrix and per-class report of a model on the 450 test digits, or on pen-drawn strokes through the canvas&apos;s conversion.</source>
        <translation>在 450 个测试集数字上（或经画布转换的手写笔画上）给出模型的准确率、混淆矩阵和各数字的精确率与召回率。</translation>
    </message>
    <message>
        <source>model file (default: shipped)</source>
        <translation>模型文件（默认：自带模型）</translation>
    </message>
    <message>
        <source>drawn digits in the dev set&apos;s format (points, stroke_ptr, sample_ptr, labels)</source>
        <translation>手写数字文件，格式同开发集（points、stroke_ptr、sample_ptr、labels）</translation>
    </message>
    <message>
        <source>read digits from image files</source>
        <translation>识别图片文件中的数字</translation>
    </message>
    <message>
        <source>Read the handwritten digit, or the digits side by side, in each picture (PNG, JPEG, GIF, BMP, TIFF or WebP: a photo or scan, any ink on any paper), or in every picture in a folder. Each line reads &apos;IMAGE: DIGITS (CONFIDENCE of each)&apos;, with &apos;not sure&apos; when a digit is uncertain.</source>
        <translation>识别每张图片（PNG、JPEG、GIF、BMP、TIFF 或 WebP：照片或扫描件，任何墨水、任何纸张）中的手写数字，或并排的几个数字；给出文件夹时识别其中的每张图片。每行输出“图片: 数字 (每个数字的置信度)”，没有把握时标注 not sure。</translation>
    </message>
    <message>
        <source>a picture, or a folder of them</source>
        <translation>一张图片，或装有图片的文件夹</translation>
    </message>
    <message>
        <source>benchmark the recipes against scikit-learn&apos;s MLPClassifier</source>
        <translation>将各训练方案与 scikit-learn 的 MLPClassifier 做基准比较</translation>
    </message>
    <message>
        <source>Accuracy over seeds, training time, time to 0.97 test accuracy and inference latency of classic, fast and MLPClassifier, measured in this run.</source>
        <translation>在本次运行中测量 classic、fast 和 MLPClassifier 在多个随机种子下的准确率、训练时间、达到 0.97 测试准确率所需的时间以及推理延迟。</translation>
    </message>
    <message>
        <source>seeds 0..N-1 (default 5)</source>
        <translation>随机种子 0..N-1（默认 5）</translation>
    </message>
    <message>
        <source>pen-drawn digits to report accuracy on (default: the pen digits shipped with bpdraw, which the shipped model was trained on)</source>
        <translation>用于报告准确率的手写笔数字（默认：bpdraw 自带的手写笔数字，自带模型正是用它们训练的）</translation>
    </message>
    <message>
        <source>also measure app start-up and GUI stalls (Qt)</source>
        <translation>同时测量程序启动时间和界面卡顿（Qt）</translation>
    </message>
    <message>
        <source>train a network and report its test accuracy</source>
        <translation>训练一个网络并报告测试集准确率</translation>
    </message>
    <message>
        <source>Train the 64-100-10 network on load_digits&apos; 1347 training digits and report accuracy and the confusion matrix on its 450 test digits.</source>
        <translation>用 load_digits 的 1347 个训练集数字训练 64-100-10 的 BP 神经网络，并在 450 个测试集数字上报告准确率和混淆矩阵。</translation>
    </message>
    <message>
        <source>(default {value})</source>
        <translation>（默认 {value}）</translation>
    </message>
    <message>
        <source>start from the shipped model&apos;s recipe (fast, {settings}); the other options change it</source>
        <translation>从自带模型的训练方案开始（快速方案，{settings}）；其他选项可以修改它</translation>
    </message>
    <message>
        <source>fast recipe only: {choices}</source>
        <translation>仅用于 fast 方案：{choices}</translation>
    </message>
    <message>
        <source>{recipe} recipe: {units} to train at most</source>
        <translation>{recipe} 方案：最多训练的{units}数</translation>
    </message>
    <message>
        <source>{recipe} recipe: {units} to train</source>
        <translation>{recipe} 方案：训练的{units}数</translation>
    </message>
    <message>
        <source>seed of the split and the weights</source>
        <translation>划分数据和初始化权重用的随机种子</translation>
    </message>
    <message>
        <source>save the trained model (checked before training)</source>
        <translation>保存训练好的模型（训练前先检查能否保存）</translation>
    </message>
    <message>
        <source>default {value}</source>
        <translation>默认 {value}</translation>
    </message>
    <message>
        <source>teach a model your own drawings</source>
        <translation>用你自己写的数字教模型</translation>
    </message>
    <message>
        <source>Fine-tune a model (default: the shipped one) on drawings in a strokes file (an export of My digits, or any file evaluate --strokes reads) and print how it reads them before and after (on drawings held out from the measured teach) and the test digits.</source>
        <translation>用笔画文件（“我的数字”导出的文件，或 evaluate --strokes 能读的任何文件）里的手写数字微调一个模型（默认：自带模型），并输出微调前后它对这些数字（用留出的手写数字衡量）和测试集数字的识别效果。</translation>
    </message>
    <message>
        <source>your drawings, a strokes file</source>
        <translation>你写的数字，一个笔画文件</translation>
    </message>
    <message>
        <source>model to start from (default: shipped)</source>
        <translation>起始模型（默认：自带模型）</translation>
    </message>
    <message>
        <source>where to save the taught model</source>
        <translation>微调后的模型保存到哪里</translation>
    </message>
    <message>
        <source>seed of the teaching (default 0)</source>
        <translation>微调用的随机种子（默认 0）</translation>
    </message>
    <message>
        <source>save a picture of what the network does with a drawing</source>
        <translation>保存一张图，展示网络如何处理一个手写数字</translation>
    </message>
    <message>
        <source>Save a PNG showing how a model reads one drawing (its 8x8 input, hidden units, answer and which cells pushed for and against it), or with --weights the incoming weights of every hidden unit.</source>
        <translation>保存一张 PNG 图片，展示模型如何识别一个手写数字（8×8 输入、隐藏单元、答案，以及哪些格子支持或反对这个答案）；加 --weights 则展示每个隐藏单元的输入权重。</translation>
    </message>
    <message>
        <source>a PNG or JPEG of one digit</source>
        <translation>一个数字的 PNG 或 JPEG 图片</translation>
    </message>
    <message>
        <source>a strokes file; see --index</source>
        <translation>一个笔画文件；见 --index</translation>
    </message>
    <message>
        <source>save the weight mosaic of MODEL (default: --model, else the shipped model)</source>
        <translation>保存 MODEL 的权重拼图（默认：--model 指定的模型，否则为自带模型）</translation>
    </message>
    <message>
        <source>which drawing of the strokes file (default 0)</source>
        <translation>笔画文件中的第几个手写数字（默认 0）</translation>
    </message>
    <message>
        <source>{problem}. Give a strokes file, such as an export of My digits</source>
        <translation>{problem}。请给出一个笔画文件，例如从“我的数字”导出的文件</translation>
    </message>
    <message>
        <source>cannot write a picture to {path}: {reason}. Give -o a file name in an existing folder, such as picture.png</source>
        <translation>无法把图片写入 {path}：{reason}。请给 -o 一个已存在文件夹中的文件名，例如 picture.png</translation>
    </message>
    <message>
        <source>give the model once: --weights MODEL or --model MODEL</source>
        <translation>模型只需给一次：用 --weights MODEL 或 --model MODEL</translation>
    </message>
    <message>
        <source>saved the weights of {units} hidden units to {path}</source>
        <translation>已把 {units} 个隐藏单元的权重保存到 {path}</translation>
    </message>
    <message>
        <source>read as {answer}; saved the picture to {path}</source>
        <translation>识别为 {answer}；图片已保存到 {path}</translation>
    </message>
    <message>
        <source>{path}: no such file; give a PNG or JPEG of one digit</source>
        <translation>{path}：没有这个文件；请给出一张只有一个数字的 PNG 或 JPEG 图片</translation>
    </message>
    <message>
        <source>{path}: nothing drawn (the image looks blank); give a picture of a digit</source>
        <translation>{path}：没有写任何东西（图片看起来是空白的）；请给出一张数字的图片</translation>
    </message>
    <message>
        <source>{path} holds {count} drawings: give --index from 0 to {last}</source>
        <translation>{path} 中有 {count} 幅手写图：--index 请给 0 到 {last} 之间的数</translation>
    </message>
    <message>
        <source>drawing {index} of {path} reads as nothing drawn</source>
        <translation>{path} 中的第 {index} 幅手写图被识别为空白</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>is not a regular file (a device, pipe or socket cannot be read)</source>
        <translation>不是普通文件（无法读取设备、管道或套接字）</translation>
    </message>
    <message>
        <source>is not an .npz archive</source>
        <translation>不是 .npz 压缩包</translation>
    </message>
    <message>
        <source>is not a bpdraw model file (not an .npz archive)</source>
        <translation>不是 bpdraw 模型文件（不是 .npz 压缩包）</translation>
    </message>
    <message>
        <source>is not an .npz archive of strokes</source>
        <translation>不是存放笔画的 .npz 文件</translation>
    </message>
    <message>
        <source>has no metadata record</source>
        <translation>缺少元数据记录</translation>
    </message>
    <message>
        <source>metadata is not a JSON text of a sensible size</source>
        <translation>元数据不是大小合理的 JSON 文本</translation>
    </message>
    <message>
        <source>metadata holds numbers or nesting beyond reason</source>
        <translation>元数据中的数字过大或嵌套过深</translation>
    </message>
    <message>
        <source>metadata is not a JSON object</source>
        <translation>元数据不是 JSON 对象</translation>
    </message>
    <message>
        <source>metadata has no format_version</source>
        <translation>元数据缺少 format_version</translation>
    </message>
    <message>
        <source>is {size} MB, more than the {most} MB such a file can be</source>
        <translation>大小为 {size} MB，超过了此类文件的上限 {most} MB</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>is a damaged archive ({detail})</source>
        <translation>是一个损坏的压缩包（{detail}）</translation>
    </message>
    <message>
        <source>holds {count} members; expected at most {most}</source>
        <translation>包含 {count} 个成员，最多应为 {most} 个</translation>
    </message>
    <message>
        <source>member {member} is not a NumPy array</source>
        <translation>成员 {member} 不是 NumPy 数组</translation>
    </message>
    <message>
        <source>{name} is in an unknown .npy version {version}</source>
        <translation>{name} 使用了未知的 .npy 版本 {version}</translation>
    </message>
    <message>
        <source>{name} holds data that would need pickle to load; bpdraw never unpickles</source>
        <translation>{name} 中的数据需要用 pickle 才能加载；bpdraw 从不使用 pickle 加载数据</translation>
    </message>
    <message>
        <source>{name} declares more values than the archive holds</source>
        <translation>{name} 声明的数值多于压缩包实际包含的数值</translation>
    </message>
    <message>
        <source>{name} is truncated</source>
        <translation>{name} 不完整（已被截断）</translation>
    </message>
    <message>
        <source>{name} is damaged or truncated ({detail})</source>
        <translation>{name} 已损坏或被截断（{detail}）</translation>
    </message>
    <message>
        <source>{name} has dtype {dtype}, expected float64</source>
        <translation>{name} 的数据类型是 {dtype}，应为 float64</translation>
    </message>
    <message>
        <source>{name} has dtype {dtype}, not numbers</source>
        <translation>{name} 的数据类型是 {dtype}，不是数字</translation>
    </message>
    <message>
        <source>{name} has shape {shape}, larger than any layer bpdraw makes</source>
        <translation>{name} 的形状为 {shape}，比 bpdraw 生成的任何一层都大</translation>
    </message>
    <message>
        <source>holds more than {most} parameters, more than bpdraw makes</source>
        <translation>包含超过 {most} 个参数，多于 bpdraw 生成的模型</translation>
    </message>
    <message>
        <source>is missing arrays {names}</source>
        <translation>缺少数组 {names}</translation>
    </message>
    <message>
        <source>has unexpected arrays {names}</source>
        <translation>包含多余的数组 {names}</translation>
    </message>
    <message>
        <source>{name} has shape {shape}, expected {expected}</source>
        <translation>{name} 的形状为 {shape}，应为 {expected}</translation>
    </message>
    <message>
        <source>{name} holds NaN or infinite values</source>
        <translation>{name} 含有 NaN 或无穷大的值</translation>
    </message>
    <message>
        <source>{name} holds values beyond ±{limit}</source>
        <translation>{name} 含有超出 ±{limit} 的值</translation>
    </message>
    <message>
        <source>metadata is not valid JSON ({detail})</source>
        <translation>元数据不是有效的 JSON（{detail}）</translation>
    </message>
    <message>
        <source>was written in format {version} by a newer bpdraw; this one reads up to {newest} — update bpdraw to open it</source>
        <translation>由更新版本的 bpdraw 以格式 {version} 写入；当前版本最多只能读取格式 {newest}——请更新 bpdraw 后再打开</translation>
    </message>
    <message>
        <source>has an unknown format_version {version}</source>
        <translation>的 format_version {version} 未知</translation>
    </message>
    <message>
        <source>metadata layer_sizes {sizes} is not a list of layer widths</source>
        <translation>元数据中的 layer_sizes {sizes} 不是各层宽度的列表</translation>
    </message>
    <message>
        <source>maps {inputs} inputs to {outputs} outputs; a digit model maps 64 to 10</source>
        <translation>把 {inputs} 个输入映射到 {outputs} 个输出；数字识别模型应把 64 个输入映射到 10 个输出</translation>
    </message>
    <message>
        <source>metadata output {output} is not one of {outputs}</source>
        <translation>元数据中的 output {output} 不在 {outputs} 之中</translation>
    </message>
    <message>
        <source>declares more than {most} points; split it into smaller files</source>
        <translation>声明了超过 {most} 个点；请把它拆分成几个较小的文件</translation>
    </message>
    <message>
        <source>declares more than {most} strokes; split it into smaller files</source>
        <translation>声明了超过 {most} 个笔画；请把它拆分成几个较小的文件</translation>
    </message>
    <message>
        <source>declares more than {most} drawings; split it into smaller files</source>
        <translation>声明了超过 {most} 幅手写图；请把它拆分成几个较小的文件</translation>
    </message>
    <message>
        <source>is missing {names}</source>
        <translation>缺少 {names}</translation>
    </message>
    <message>
        <source>points must be (P, 2) numbers, not {shape}</source>
        <translation>points 必须是 (P, 2) 的数字数组，而不是 {shape}</translation>
    </message>
    <message>
        <source>labels must be {count} digits 0-9</source>
        <translation>labels 必须是 {count} 个 0-9 的数字</translation>
    </message>
    <message>
        <source>{name} must rise from 0 to {end}</source>
        <translation>{name} 必须从 0 递增到 {end}</translation>
    </message>
    <message>
        <source>Training diverged: the loss became infinite or NaN instead of falling. The learning rate {rate} is too large for the {recipe} recipe; try {default}.</source>
        <translation>训练发散了：损失没有下降，反而变成了无穷大或 NaN。对于 {recipe} 方案，学习率 {rate} 太大了；试试 {default}。</translation>
    </message>
    <message>
        <source>Training diverged: the loss grew to {loss} instead of falling. The learning rate {rate} is too large for the {recipe} recipe; try {default}.</source>
        <translation>训练发散了：损失没有下降，反而增大到 {loss}。对于 {recipe} 方案，学习率 {rate} 太大了；试试 {default}。</translation>
    </message>
    <message>
        <source>Training diverged: the loss stuck at {loss} with its units saturated instead of falling. The learning rate {rate} is too large for the {recipe} recipe; try {default}.</source>
        <translation>训练发散了：损失没有下降，而是停在 {loss}，神经元已经饱和。对于 {recipe} 方案，学习率 {rate} 太大了；试试 {default}。</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}：{problem}</translation>
    </message>
    <message>
        <source>cannot save a model to {path}: {reason}. Give -o a file name in an existing folder you can write to, such as mine.npz</source>
        <translation>无法把模型保存到 {path}：{reason}。请给 -o 一个你有写权限的已存在文件夹中的文件名，例如 mine.npz</translation>
    </message>
    <message>
        <source>cannot save to {path}: {reason}</source>
        <translation>无法保存到 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>中文 needs a font with Chinese characters, and none is installed; staying in English. On Debian or Ubuntu: sudo apt install fonts-noto-cjk (then restart bpdraw).</source>
        <translation>显示中文需要中文字体，但系统中没有安装；暂时保持英文。在 Debian 或 Ubuntu 上：sudo apt install fonts-noto-cjk（然后重新启动 bpdraw）。</translation>
    </message>
</context>
<context>
    <name>images</name>
    <message>
        <source>it is not a picture bpdraw can read (PNG, JPEG, GIF, BMP, TIFF or WebP)</source>
        <translation>它不是 bpdraw 能读取的图片（PNG、JPEG、GIF、BMP、TIFF 或 WebP）</translation>
    </message>
    <message>
        <source>it is a {kind} photo, which bpdraw cannot read; save it as JPEG or PNG (on an iPhone: Settings &gt; Camera &gt; Formats &gt; Most Compatible, or share the photo as JPEG)</source>
        <translation>它是 {kind} 格式的照片，bpdraw 无法读取；请另存为 JPEG 或 PNG（在 iPhone 上：设置 &gt; 相机 &gt; 格式 &gt; 兼容性最佳，或以 JPEG 格式共享照片）</translation>
    </message>
    <message>
        <source>it is a folder, not a picture</source>
        <translation>这是一个文件夹，不是图片</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有读取权限</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>the picture is damaged or cut short ({detail})</source>
        <translation>图片已损坏或不完整（{detail}）</translation>
    </message>
    <message>
        <source>it has more than Pillow&apos;s limit of {most} pixels, too many to read safely; save a smaller copy (a digit needs only a few hundred pixels)</source>
        <translation>它的像素超过了 Pillow 的上限 {most}，太多了，无法安全读取；请另存一份较小的图片（一个数字只需要几百个像素）</translation>
    </message>
</context>
<context>
    <name>os</name>
    <message>
        <source>No such file or directory</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>不是文件夹</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>文件名太长</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>超出了磁盘配额</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>符号链接的层数太多</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>没有给出文件名</translation>
    </message>
    <message>
        <source>is not a regular file (a folder, device or pipe)</source>
        <translation>不是普通文件（而是文件夹、设备或管道）</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>the folder {folder} is not writable</source>
        <translation>文件夹 {folder} 没有写权限</translation>
    </message>
</context>
<context>
    <name>recipes</name>
    <message>
        <source>classic (the course)</source>
        <translation>经典（课程原版）</translation>
    </message>
    <message>
        <source>the course&apos;s per-sample gradient descent with sigmoid outputs: slow, but every step is the textbook formula</source>
        <translation>课程里的逐样本梯度下降，输出层用 sigmoid：速度慢，但每一步都是教科书上的公式</translation>
    </message>
    <message>
        <source>fast (Adam, softmax)</source>
        <translation>快速（Adam、softmax）</translation>
    </message>
    <message>
        <source>Adam on mini-batches with softmax outputs and distorted copies: higher accuracy in a few seconds; the shipped model&apos;s recipe</source>
        <translation>Adam 优化小批量样本，输出层用 softmax，并加入变形副本：几秒内达到更高的准确率；自带模型就是用这个方案训练的</translation>
    </message>
    <message>
        <source>classic</source>
        <translation>经典</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>load_digits</source>
        <translation>load_digits</translation>
    </message>
    <message>
        <source>load_digits + pen digits (14 + 40 writers)</source>
        <translation>load_digits + 手写笔数字（14 + 40 位书写者）</translation>
    </message>
    <message>
        <source>hidden units</source>
        <translation>隐藏单元数</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>validation fraction</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>digit copies</source>
        <translation>数字副本数</translation>
    </message>
    <message>
        <source>plain epochs</source>
        <translation>无副本轮数</translation>
    </message>
    <message>
        <source>pen copies</source>
        <translation>手写笔副本数</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>{name} must be a whole number, not {value}</source>
        <translation>{name}必须是整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be between {low} and {high}, not {value}</source>
        <translation>{name}必须在 {low} 到 {high} 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be a number, not {value}</source>
        <translation>{name}必须是数字，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be greater than {low} and at most {high}, not {value}</source>
        <translation>{name}必须大于 {low} 且不超过 {high}，而不是 {value}</translation>
    </message>
    <message>
        <source>{name} must be at least {low} and at most {high}, not {value}</source>
        <translation>{name}必须不小于 {low} 且不超过 {high}，而不是 {value}</translation>
    </message>
    <message>
        <source>training data must be one of {choices}, not {value}</source>
        <translation>训练数据必须是 {choices} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>recipe must be one of {choices}, not {value}</source>
        <translation>训练方案必须是 {choices} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>the {recipe} recipe has no setting {names}</source>
        <translation>{recipe} 方案没有设置项 {names}</translation>
    </message>
    <message>
        <source>learning rate must be a number like 0.11, not {value}</source>
        <translation>学习率必须是像 0.11 这样的数，而不是 {value}</translation>
    </message>
    <message>
        <source>became infinite or NaN</source>
        <translation>变成了无穷大或 NaN</translation>
    </message>
    <message>
        <source>grew to {loss}</source>
        <translation>增大到 {loss}</translation>
    </message>
    <message>
        <source>stuck at {loss} with its units saturated</source>
        <translation>停在 {loss}，神经元已饱和</translation>
    </message>
    <message>
        <source>Training diverged: the loss {what} instead of falling. The learning rate {rate} is too large for the {recipe} recipe; try {default}.</source>
        <translation>训练发散了：损失没有下降，反而{what}。学习率 {rate} 对 {recipe} 方案来说太大了，试试 {default}。</translation>
    </message>
    <message>
        <source>{recipe} recipe</source>
        <translation>{recipe}方案</translation>
    </message>
    <message>
        <source>trained on {data}</source>
        <translation>训练数据 {data}</translation>
    </message>
    <message>
        <source>test accuracy {accuracy}</source>
        <translation>测试集准确率 {accuracy}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>teach</name>
    <message>
        <source>taught {drawings} drawings in {seconds} s</source>
        <translation>用 {drawings} 个手写样本训练了模型，用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>your drawings (the {held_out} not used to teach the measured model): before {before}  after {after}</source>
        <translation>你的手写样本（留出的 {held_out} 个，没有用来训练被评估的模型）准确率：之前 {before}  之后 {after}</translation>
    </message>
    <message>
        <source>too few drawings to keep some aside for an honest figure</source>
        <translation>样本太少，留不出一部分来如实评估</translation>
    </message>
    <message>
        <source>your drawings: not measured ({note})</source>
        <translation>你的手写样本：未评估（{note}）</translation>
    </message>
    <message>
        <source>test digits (450): before {before}  after {after}</source>
        <translation>测试集（450 个数字）准确率：之前 {before}  之后 {after}</translation>
    </message>
    <message>
        <source>{drawings} drawings but {labels} labels</source>
        <translation>有 {drawings} 幅手写图，却有 {labels} 个标签</translation>
    </message>
    <message>
        <source>labels must be digits 0-9, got {labels}</source>
        <translation>标签必须是 0-9 的数字，实际为 {labels}</translation>
    </message>
    <message>
        <source>{count} drawing(s) is too few to learn from: draw at least {least}, of at least {classes} different digits</source>
        <translation>{count} 幅手写图太少，学不了：请至少写 {least} 幅，并且至少包含 {classes} 个不同的数字</translation>
    </message>
    <message>
        <source>all drawings are {digit}s: with one digit only the model would learn to answer it for everything; add drawings of other digits</source>
        <translation>所有手写图都是 {digit}：只有一个数字的话，模型会学成无论写什么都回答它；请再加上其他数字的手写图</translation>
    </message>
    <message>
        <source>none of the drawings has anything drawn in it</source>
        <translation>所有手写图都是空白的</translation>
    </message>
    <message>
        <source>drawings {blank} have nothing drawn in them (a dot or a click)</source>
        <translation>第 {blank} 幅手写图是空白的（只有一个点或一次点击）</translation>
    </message>
</context>
<context>
    <name>weights_view</name>
    <message>
        <source>Input × gradient: blue cells pushed the network toward its answer, red cells pushed against it; a blank cell pushed nothing.</source>
        <translation>输入 × 梯度：蓝色格子把网络推向它的答案，红色格子起反作用；空白格子没有影响。</translation>
    </message>
    <message>
        <source>How to read it: blue cells are where ink makes this unit fire, red where ink silences it; the bars show how hard the unit then votes for (blue) or against (red) each digit.</source>
        <translation>怎么看：蓝色格子表示那里的墨迹让这个单元激活，红色表示墨迹抑制它；条形图表示这个单元随后对每个数字的支持（蓝）或反对（红）有多强。</translation>
    </message>
</context>
</TS>
