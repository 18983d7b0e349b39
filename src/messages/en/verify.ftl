# The library's messages in English: the verify stage. Every id here is also in ../zh/verify.ftl with the same arguments (a test checks).
