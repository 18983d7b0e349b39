# The library's messages in English: the draw stage. Every id here is also in ../zh/draw.ftl with the same arguments (a test checks).
