# The library's messages in English: the plan stage. Every id here is also in ../zh/plan.ftl with the same arguments (a test checks).
