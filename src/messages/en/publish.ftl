# The library's messages in English: the publish stage. Every id here is also in ../zh/publish.ftl with the same arguments (a test checks).
