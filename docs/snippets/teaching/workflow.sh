# a course's own questions live in a folder (e.g. in the course's repository)
mkdir -p course-bank
kb-grade new mean-of-three --kind numeric -o course-bank/mean-of-three.yaml  # a commented template
kb-grade validate course-bank                      # the schema and every self-test, FILE:LINE per problem
kb-grade --bank course-bank show mean-of-three     # the question as a learner sees it
kb-grade --bank course-bank check mean-of-three 15 --lang en   # exit 1, and the misconception explained

# a class's answers: one row per answer (CSV, JSONL or YAML); seed picks the variant (default: from the student)
printf 'student,question,answer,seed\nli,mean-of-three,5,0\nwang,mean-of-three,15,0\nzhao,mean-of-three,x,0\n' > answers.csv
kb-grade --bank course-bank grade answers.csv -o results.csv --summary students.csv
kb-grade --bank course-bank report results.csv --lang en --html report.html   # what the class got wrong
