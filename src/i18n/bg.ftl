# Български текстове на отчетите за хора (HTML, PDF, ICS, XLSX, SVG).
plan-from = План от { $start } до { $finish }
as-of = , към { $date }
h-summary = Обобщение
h-projects = Проекти
h-timeline = График
h-fiches = Фишове на проектите
h-funding = Финансиране
h-sources = Кой плаща: всеки източник на финансиране
h-roles = Роли
h-actors = Кой изпълнява: всеки участник
h-resources = Ресурси
h-findings = Констатации
timeline-note = Щракнете върху ред, за да видите фиша му. Червените триъгълници са крайни срокове, лилавите — затварянето на прозореца на финансиращ източник.
roles-note = L води проекта, P участва.
projects-note = Всички проекти по реда на започване. Суми в { $currency }; резервът е броят дни, с които проектът може да закъснее, без да отложи края.
col-project = проект
col-programme = програма
col-lead = водещ
col-priority = приоритет
col-start = начало
col-finish = край
col-slack = резерв
col-cost = стойност
col-funding = финансиране по източници
not-funded = без финансиране
critical-slack = 0 (критичен)
total-projects = общо { $count } проекта
funded = { $amount } финансирани
fact-objectives = Цели
fact-indicators = Индикатори
fact-people = Водещ и участници
fact-depends = Зависи от
fact-needed = Нужен за
fact-resources = Ресурси
fact-money = Стойност и финансиране
fact-due = Срокове и прозорци
fact-risk = Риск
generated = Създадено с roadmap { $version } от { $file }.
ics-start = Начало: { $name }
ics-finish = Край: { $name }
ics-milestone = Етап: { $name }
ics-deadline = Краен срок: { $name }
ics-window = Затваря прозорецът на финансиране: { $name }
sheet-plan = План
sheet-funding-projects = Финансиране по проекти
sheet-funding-years = Финансиране по години
sheet-resources = Ресурси
sheet-actors = Участници
sheet-findings = Констатации
sheet-indicators = Индикатори
sheet-programmes = Програми
month-1 = януари
month-2 = февруари
month-3 = март
month-4 = април
month-5 = май
month-6 = юни
month-7 = юли
month-8 = август
month-9 = септември
month-10 = октомври
month-11 = ноември
month-12 = декември
slack-days = { $days } д.
critical-path = Критичен път:

# The terminal plan table and timeline (`plan`).
term-id = код
term-name = име
term-prio = приор.
term-lead = водещ
term-start = начало
term-finish = край
term-duration = продълж.
term-slack = резерв
term-crit = крит.
term-wave = вълна
days-short = { $days } д
key-critical = { $glyph } критичен
key-scheduled = { $glyph } планиран
key-slack = { $glyph } резерв
key-milestone = { $glyph } ключов етап
key-programme = { $glyph } програма
scale-week = една колона = една седмица
scale-month = една колона = един месец
scale-quarter = една колона = едно тримесечие
scale-year = пет колони = една година
scale-year-narrow = три колони = една година
scale-decade = една колона = една година
scale-century = една колона = десет години
scale-forced = --scale { $scale } иска { $needed } колони до етикетите, повече от оставените от --width { $width }; показано по { $shown }
no-timeline = (без времева линия: { $width } колони не стигат за нея; опитайте по-голям --width)
month-initials = ЯФМАМЮЮАСОНД
month-short-1 = яну
month-short-2 = фев
month-short-3 = мар
month-short-4 = апр
month-short-5 = май
month-short-6 = юни
month-short-7 = юли
month-short-8 = авг
month-short-9 = сеп
month-short-10 = окт
month-short-11 = ное
month-short-12 = дек
no-objective = (без цел)
plan-label = План
plan-span = { $plan } { $start }{ $arrow }{ $finish } ({ $days } дни, { $years } години); { $chains }
chains-none = критичен път: няма
chains-one = критичен път: { $chain }
chains-many = { $count } критични вериги: { $chains }
chains-more = ; и още { $more } (--format json ги изброява)
bound-label = Граница:
bound-shortest = никой план не може да завърши преди { $date }: този е най-краткият възможен
bound-longer = никой план не може да завърши преди { $date }; този е по-дълъг с най-много { $days ->
        [one] { $days } ден
       *[other] { $days } дни
    } или { $percent } %
