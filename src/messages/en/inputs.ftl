# The library's messages in English: the inputs stage. Every id here is also in ../zh/inputs.ftl with the same arguments (a test checks).
