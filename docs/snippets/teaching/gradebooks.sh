# continuing from the workflow: a class file with the names and emails the course's gradebook knows
# (columns other than student, question, answer and seed are carried along)
printf 'student,name,email,question,answer,seed\n2024001,李明,li@example.edu,mean-of-three,5,0\n2024002,王芳,wang@example.edu,mean-of-three,15,0\n' > class.csv
kb-grade --bank course-bank grade class.csv -o class-results.jsonl --summary canvas.csv --summary-format canvas --identify email
kb-grade --bank course-bank grade class.csv -o class-results.jsonl --summary moodle.csv --summary-format moodle --identify email

# Gradescope runs an autograder once per submission: one student's answers in, results/results.json out
printf 'student,question,answer,seed\n2024001,mean-of-three,5,0\n' > submission.csv
kb-grade --bank course-bank grade submission.csv -o results/answers.jsonl --summary results/results.json
