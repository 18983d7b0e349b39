# The library's messages in English: the ceremony stage. Every id here is also in ../zh/ceremony.ftl with the same arguments (a test checks).
