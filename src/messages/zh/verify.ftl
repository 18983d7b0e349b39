# 库的消息（中文）：verify 阶段。每个 id 在 ../en/verify.ftl 中也有，参数相同（有测试检查）。
