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
        <source>Draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>Drawn digits: the 999 pen digits of writers 11–14, redrawn once with random distortions and read through the canvas&apos;s conversion. Models trained with pen digits (like the shipped one) saw these writers&apos; digits, so their figure flatters them; a load_digits-only model never saw pen digits.</source>
        <translation>手写样本：第 11–14 位书写者的 999 个笔迹数字，每个加随机变形重画一次，再经过画布的转换读入。用笔迹数字训练的模型（比如自带模型）见过这些书写者的数字，所以这个数字会偏高；只用 load_digits 训练的模型从未见过笔迹数字。</translation>
    </message>
    <message>
        <source>drawn digits (pen writers 11–14, redrawn)</source>
        <translation>手写样本（第 11–14 位书写者，重画）</translation>
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
        <source>Colour the 8×8 by how each cell pushed it</source>
        <translation>按每个格子对答案的推动作用给 8×8 着色</translation>
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
        <source>Draw a digit</source>
        <translation>请写一个数字</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>没有加载模型</translation>
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
        <translation>学习过程 — {recipe} 方案，{length} {units}</translation>
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
        <source>{path}: cannot be read ({error})</source>
        <translation>{path}：无法读取（{error}）</translation>
    </message>
    <message>
        <source>{path}: is not a regular file (a folder, device or pipe cannot be read)</source>
        <translation>{path}：不是普通文件（无法读取文件夹、设备或管道）</translation>
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
    <name>i18n</name>
    <message>
        <source>中文 needs a font with Chinese characters, and none is installed; staying in English. On Debian or Ubuntu: sudo apt install fonts-noto-cjk (then restart bpdraw).</source>
        <translation>显示中文需要中文字体，但系统中没有安装；暂时保持英文。在 Debian 或 Ubuntu 上：sudo apt install fonts-noto-cjk（然后重新启动 bpdraw）。</translation>
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
