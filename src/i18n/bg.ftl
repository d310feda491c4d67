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
sheet-objectives = Цели
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

# Findings: what each finding code says (the code and its name never change with the language).
w-unused-objective = нито един проект не служи на целта `{ $id }`
w-unused-objective-help = посочете я в `objectives = ["{ $id }"]` на някой проект
w-idle-actor = организацията `{ $id }` нито води, нито участва в някой проект
w-idle-actor-help = посочете го като `lead` (водещ) на проект или в неговите `participants` (участници)
e-over-capacity = `{ $project }` се нуждае от { $need }{ $unit } от `{ $resource }`, а капацитетът е { $steps ->
    [yes] най-много
   *[no] само
} { $capacity }{ $unit }
note-capacity-set = капацитетът е зададен тук
e-too-many-projects = пътната карта има { $count } проекта; поддържат се най-много { $max }
w-missing-score = `{ $project }` няма оценка по { $list }: в класирането тя се брои за 0
w-missing-score-help = добавете `scores = { $example }` (от 0 до 5)
kind-objective = цел
kind-actor = организация
kind-resource = ресурс
kind-funding-source = източник на финансиране
kind-project = проект
kind-criterion = критерий
kind-scenario = сценарий
kind-programme = програма
kind-indicator = индикатор
e-no-id = { $header } няма `id`
e-no-id-help = добавете `id = "..."`, за да назовете този запис ({ $kind })
e-empty-id = празен код (`id`) за { $kind }
e-invalid-id = `{ $id }` не е валиден код (`id`) за { $kind }
e-invalid-id-help = кодовете се състоят от букви, цифри, `-`, `_` и `.`
e-invalid-id-help-example = кодовете се състоят от букви, цифри, `-`, `_` и `.`, напр. `{ $fixed }`
e-duplicate-id = кодът `{ $id }` ({ $kind }) е използван два пъти
note-first-used = за пръв път е използван тук
e-unknown-reference = няма { $kind } с код `{ $id }`
e-unknown-reference-none = файлът още не определя нито един запис от вида „{ $kind }“
help-did-you-mean = може би имахте предвид `{ $name }`?
e-self-dependency = проектът `{ $id }` зависи от самия себе си
e-self-dependency-help = премахнете тази зависимост
e-dependency-cycle = кръгова зависимост: { $path }
e-dependency-cycle-help = всеки проект зависи от следващия, затова никой не може да започне; премахнете една от тези зависимости
e-over-share = `{ $source }` плаща { $paid } { $currency } от разходите на `{ $project }` ({ $cost } { $currency }; { $share }), повече от позволеното от max_share { $max } ({ $allowed } { $currency })
note-share-rule = правилото за дела е тук
e-over-share-help = намалете приноса до { $amount } или по-малко и покрийте остатъка от друг източник
e-below-min-project = `{ $source }` плаща { $paid } { $currency } на `{ $project }`, но плаща поне { $limit } { $currency } на проект ({ $key })
e-above-max-project = `{ $source }` плаща { $paid } { $currency } на `{ $project }`, но плаща най-много { $limit } { $currency } на проект ({ $key })
note-key-here = { $key } е тук
e-scenario-capacity = сценарият `{ $id }` оставя на `{ $resource }` { $capacity } единици, а `{ $project }` се нуждае от { $need }
note-needed-here = нужно тук
e-stretch-range = коефициент на удължаване { $factor } е извън допустимото
e-stretch-range-help = коефициент над 0 и най-много 1000: 1.5 удължава с 50%
n-more = още { $count }
e-over-committed = `{ $source }` е обещан за { $committed } { $currency } в { $count ->
        [one] { $count } проект
       *[other] { $count } проекта
    } ({ $named }), а разполага с { $amount } { $currency } (с { $over } повече)
note-commits = `{ $id }` разчита на { $amount } { $currency }
w-funding-gap = `{ $project }` струва { $cost } { $currency }, но финансирането му покрива { $funded } ({ $gap } { $currency } без покритие)
w-funding-gap-help = добавете източник във `funding` или увеличете някой принос

# Findings: fixed help and notes.
find-calendar-1 = използвайте mon, tue, wed, thu, fri, sat или sun
find-calendar-2 = премахнете го или проверете годината
find-calendar-3 = вграденият набор е "BG" (България); другите дни запишете като дати
find-calendar-4 = период от празници изисква `from` и `until`
find-calendar-5 = периодът свършва, преди да започне
find-calendar-7 = календарът няма нито един работен ден от седмицата
find-calendar-8 = посочете поне един, напр. workdays = ["mon", "tue", "wed", "thu", "fri"]
find-progress-1 = запишете {"{"} optimistic = "4 months", likely = "6 months", pessimistic = "12 months" {"}"}
find-progress-2 = най-вероятна продължителност
find-progress-3 = optimistic <= likely <= pessimistic (оптимистична <= най-вероятна <= песимистична)
find-progress-4 = най-вероятна продължителност
find-progress-5 = optimistic <= likely <= pessimistic (оптимистична <= най-вероятна <= песимистична)
find-progress-6 = напредъкът е извършената част от работата, от 0 до 1 (0.4 = 40%)
find-progress-7 = започнал тук
find-progress-8 = проверете записаните дати или направете зависимостта връзка начало-начало (SS)
find-strategy-1 = [[indicator]] няма `baseline`
find-strategy-2 = добавете `baseline = {"{"} year = 2019, value = 12 {"}"}`
find-strategy-3 = базовата стойност е тук
find-strategy-4 = целевата стойност се достига след измерването на базовата
find-strategy-5 = задайте най-много една целева стойност за година
find-strategy-6 = премахнете един `parent`, за да образуват програмите дърво
find-strategy-7 = посочете целите, на които служи, в `objectives = [...]`
find-resolve-1 = файлът няма таблица [roadmap]
find-resolve-2 = започнете файла с [roadmap], `name` и `start = YYYY-MM-DD`
find-resolve-3 = [roadmap] няма `start`
find-resolve-4 = добавете `start = 2019-01-01`, първия ден на плана
find-resolve-5 = отваря се тук
find-resolve-6 = делът е от 0 до 1: 0.85 означава 85% от разходите на проекта
find-resolve-7 = min_project е тук
find-resolve-8 = приоритетите са от 1 (най-висок) до 5 (най-нисък)
find-resolve-9 = използвайте "FS" (край-начало), "SS" (начало-начало) или "FF" (край-край)
find-mod-1 = съкратете продължителностите или забавянията, които водят до него, или започнете пътната карта по-рано
find-risk-1 = намалете песимистичната оценка или планирайте от по-ранен ден
e-not-weekday = `{ $value }` не е ден от седмицата
e-day-before-plan = { $date } е преди { $year }, първата година на плана: никога няма да се приложи
e-not-holiday-set = `{ $value }` не е вграден набор от празници
e-estimate-missing = тристепенната оценка на продължителността няма `{ $key }`
e-optimistic-longer = оптимистичната продължителност { $optimistic } е по-дълга от най-вероятната { $likely }
e-pessimistic-shorter = песимистичната продължителност { $pessimistic } е по-къса от най-вероятната { $likely }
e-not-status = `{ $value }` не е състояние (status)
help-use-one-of = използвайте едно от: { $names }
e-progress-above-one = напредъкът { $value } е повече от 1
e-progress-1 = проект, който не е започнал, има `actual_start`
e-progress-1-help = задайте `status = "in-progress"` или премахнете `actual_start`
e-progress-2 = проект, който не е започнал, има `actual_finish`
e-progress-2-help = задайте `status = "done"` или премахнете `actual_finish`
e-progress-3 = проект, който не е започнал, има напредък
e-progress-3-help = задайте `status = "in-progress"` и неговия `actual_start`
e-progress-4 = проект в изпълнение няма `actual_start`
e-progress-4-help = добавете `actual_start = YYYY-MM-DD`, деня, в който е започнал
e-progress-5 = проект в изпълнение има `actual_finish`
e-progress-5-help = задайте `status = "done"` или премахнете `actual_finish`
e-progress-6 = завършен проект няма `actual_finish`
e-progress-6-help = добавете `actual_finish = YYYY-MM-DD`, последния му ден
e-progress-7 = завършен проект няма `actual_start`
e-progress-7-help = добавете `actual_start = YYYY-MM-DD`, първия му ден
e-progress-8 = завършен проект има напредък { $value } (не 1)
e-progress-8-help = премахнете `progress` или задайте `status = "in-progress"`
e-finish-before-start = `actual_finish` { $finish } е преди `actual_start` { $start }
w-started-before-prerequisite = `{ $project }` е започнал на { $started }, но предпоставката му `{ $before }` е завършила едва на { $finish }
w-prerequisite-not-done = `{ $project }` е започнал ({ $started }), но предпоставката му `{ $before }` е { $status }
status-not-started = незапочнат
status-in-progress = в изпълнение
status-done = завършен
e-target-before-baseline = целевата година { $target } е преди базовата година { $baseline }
e-second-target = втора целева стойност за { $year }
e-programme-cycle = програмите са свои собствени родители: { $path }
w-empty-programme = програмата `{ $id }` няма проекти
w-empty-programme-help = добавете `programme = "{ $id }"` към проект (или към проект на подпрограма)
w-unmeasured-objective = целта `{ $id }` няма индикатор
w-unmeasured-objective-help = добавете [[indicator]] с `objective = "{ $id }"`
w-unmoved-indicator = нито един проект не допринася за индикатора `{ $id }`
w-unmoved-indicator-help = добавете `contributes = { $example }` към проектите, които го променят
w-aimless-project = проектът `{ $id }` не служи на нито една цел
e-not-language = `{ $value }` не е език, на който се пишат отчетите
e-not-actor-kind = `{ $value }` не е вид организация
e-window-closes-before-opening = периодът за финансиране се затваря ({ $until }), преди да се отвори ({ $from })
e-max-share-above-one = max_share { $value } е повече от 1
e-max-below-min-project = max_project ({ $max }) е по-малко от min_project ({ $min })
e-priority-range = приоритетът { $value } е извън допустимото
e-not-link-type = `{ $value }` не е вид зависимост
e-table-lacks-key = { $table } няма `{ $key }`
w-missed-deadline = `{ $project }` завършва на { $finish } в най-добрия намерен план, { $days } дни след крайния си срок { $deadline }
w-before-window = `{ $project }` започва на { $start }, преди да се отвори периодът на `{ $source }` ({ $from })
w-after-window = `{ $project }` завършва на { $finish }, { $days } дни след затварянето на периода на `{ $source }` ({ $until }); под риск са { $amount } { $currency }
held-resource = { $project } чака ресурса `{ $resource }`, зает с { $by } до { $until }
held-capacity = { $project } чака ресурсът `{ $resource }` да нарасне до { $capacity } на { $date }
held-release = { $project } не може да започне преди { $date }
held-yearly-cap = { $project } чака годишния таван на `{ $source }`: по-ранно начало би изплатило повече от { $cap } { $currency } през { $year } (в този план през тази година са изплатени { $paid } { $currency })
held-reason = задържан: { $reason }
held-nothing = той вече започва в първия ден на плана
held-chain-reason = задържан от веригата от зависимости { $chain }; { $reason }
held-chain = задържан от веригата от зависимости { $chain }
n-more-brackets = (още { $count })
w-missed-target = по плана `{ $indicator }` достига { $planned } до края на { $year }, с { $shortfall } под целевата стойност { $target }
w-missed-target-none = нито един проект, завършващ след тази година, не допринася за него: добавете проекти или приноси
w-missed-target-late = дори ако { $projects } завършат до { $by }, няма да стигне: добавете проекти или приноси
w-missed-target-close = ще бъде достигната, ако { $projects } завършат до { $by }
planned-to-finish = `{ $project }` (планиран край { $finish })
w-over-cap-help = не е намерен план в рамките на тавана, периодите за финансиране и другите ограничения; увеличете `per_year`, разпределете работата в по-дълъг срок или преместете средства към друг източник
w-over-cap-alone = { $ids } { $count ->
        [one] сам изплаща
       *[other] всеки изплаща
    } повече от тавана през тази година при всяко начало: увеличете `per_year`, удължете проекта или намалете приноса му
w-over-yearly-cap = `{ $source }` изплаща { $spend } { $currency } през { $year }, над годишния си таван от { $cap } { $currency } ({ $over } повече): { $named }
expect-string = текст (низ)
expect-whole-number = цяло число
expect-number = число
expect-date = дата като 2019-07-01
expect-duration = продължителност като "9 months"
expect-array = масив
expect-table = таблица
e-wrong-type = очаква се { $expected }, а е { $found }
e-out-of-range = { $value } е извън допустимото
e-number-in-quotes = запишете числото без кавички, като групирате цифрите с `_`: { $written }
e-nan = очаква се число, а е nan
e-negative = не може да е отрицателно
e-too-large-number = числото е твърде голямо (най-много { $max })
e-no-such-day = { $day } не е ден от календара
e-time-of-day = очаква се дата като 2019-07-01, а е час от деня { $found }
e-date-and-time = очаква се дата като 2019-07-01, а е дата и час { $found }; запишете само датата
e-not-a-date = "{ $value }" не е съществуваща дата във вида YYYY-MM-DD
e-date-too-late = дати след 31.12.9999 не се поддържат
e-duration-needs-unit = продължителността изисква мерна единица: запишете я като текст, напр. "9 months" или "10d"
e-unknown-key = непознат ключ `{ $key }` в { $table }
help-expected-one-of = очаква се едно от: { $names }
e-holiday-shape = очаква се "BG", дата или таблица {"{"} from = DATE, until = DATE {"}"}, а е { $found }
e-score-range = оценката { $value } е извън допустимото: оценките са от 0 до 5
e-dependency-shape = очаква се код на проект или таблица {"{"} project = ID, type = "FS", lag = "0d" {"}"}, а е { $found }
e-not-a-year = { $value } не е година от 1 до 9999
e-expected-year = очаква се година като 2023, а е { $found }
e-finite-number = очаква се крайно число, най-много { $max } по абсолютна стойност
e-file-too-large = файлът е по-голям от { $mib } MiB, най-големия допустим размер на пътна карта
e-not-utf8 = файлът не е текст в UTF-8: невалиден байт { $byte } на позиция { $offset }
e-dotted-key-depth = ключ с точки от { $limit } или повече части е по-дълбок, отколкото TOML анализаторът позволява
starts-and = започва на { $date } и{" "}
e-plan-past-last-day = планът надхвърля 31.12.9999, последния поддържан ден: `{ $project }` { $starts }би завършил след него
e-runs-past-last-day = някои симулирани изпълнения на `{ $project }` завършват след 31.12.9999, последния поддържан ден
# Labels of the terminal reports (`tr("…")` in the code: the id is `t-` and the English words).
t-p50 = P50
t-p80 = P80
t-p95 = P95
t-actor = организация
t-actors = организации
t-after = след
t-amount = сума
t-average = средно
t-brought-by = постигнато чрез
t-busiest-quarter = най-натоварено тримесечие
t-by-source = по източници
t-cap-year = таван/година
t-capacity = капацитет
t-changes = промени
t-committed = поето
t-cost = разходи
t-could-add = може да добави
t-covered = покрито
t-crit = крит.
t-critical = критичен
t-date = дата
t-deadlines-missed = пропуснати срокове
t-description = описание
t-due = срок
t-finish = край
t-gap = недостиг
t-id = код
t-indicator = индикатор
t-joins = участва
t-kind = вид
t-leads = води
t-name = име
t-needs = нужди
t-note = бележка
t-peak = пик
t-planned = по план
t-priority = приоритет
t-probability = вероятност
t-programme = програма
t-project = проект
t-projects-that-slip = закъсняващи проекти
t-projects = проекти
t-remaining = остатък
t-resource = ресурс
t-runs = изпълнения
t-scenario = сценарий
t-score = оценка
t-slip-days = закъснение (дни)
t-slip = закъснение
t-source = източник
t-start = начало
t-takes-part = участва в
t-target = целева стойност
t-units-days = единици × дни
t-wave = вълна
t-waves = вълни
t-why = защо
t-window = период
t-windows-missed = пропуснати периоди
t-year = година
# Sentences and titles of the terminal reports.
t-every-actor-has-a-role = Всяка организация има роля.
t-roles-l-leads-p-takes-part = Роли (L води, P участва)
t-average-units-used-over-the-plan-s-days-as-a-share-of-capacity-each-bar-step-is-1-8-of-capacity = средно: използваните единици за дните на плана като дял от капацитета; всяка стъпка на лентата е 1/8 от капацитета
t-a-wave-orders-prerequisites-not-time-after-an-ss-link-a-project-may-start-once-its-prerequisite-has-started-and-after-an-ff-link-it-need-only-finish-after-it-so-it-can-run-before-a-prerequisite-of-an-earlier-wave-has-finished = Вълната подрежда предпоставките, не времето: при връзка SS проектът може да започне, щом предпоставката му е започнала, а при връзка FF трябва само да завърши след нея, затова може да тече, преди да е завършила предпоставка от по-ранна вълна.
t-no-criterion-tables-so-no-scores-ranked-by-priority-set-written-in-the-file-default-3-add-criteria-and-scores-to-rank-on-the-strategy-s-criteria = Няма таблици [[criterion]], затова няма оценки: класирано по приоритет („зададен“ = записан във файла, „по подразбиране“ = 3). Добавете критерии и `scores`, за да класирате по критериите на стратегията.
t-priority-from-the-score-4-or-more-1-3-2-2-3-1-4-under-1-5-set-written-in-the-file = приоритет от оценката: 4 или повече -> 1, 3 -> 2, 2 -> 3, 1 -> 4, под 1 -> 5; „зададен“ = записан във файла
t-no-exceptions = Няма изключения.
t-working-weekdays = Работни дни от седмицата:
t-started-later-to-stay-within-a-yearly-cap = Започнали по-късно, за да останат в рамките на годишен таван:
t-by-programme = По програми
t-every-project-s-cost-is-covered-and-no-money-is-at-risk-outside-a-window-or-above-a-yearly-cap = Разходите на всеки проект са покрити и няма средства под риск извън период или над годишен таван.
t-sources-whose-window-overlaps-the-plan-s-dates-holds-them-for-money-at-risk-with-uncommitted-money-within-their-share-per-project-and-yearly-caps-and-eligible-objectives-best-match-first = Източници, чийто период се припокрива с датите по плана (обхваща ги, при средства под риск), с непоети средства, в рамките на дела си, таваните за проект и за година и допустимите цели; най-подходящите първо.
t-deadlines-and-funding-windows = Крайни срокове и периоди за финансиране:
t-indicator-targets-reached-by-the-end-of-their-year = Целеви стойности на индикаторите (достигнати до края на годината си):
t-three-point-estimate-critical-share-of-runs-with-zero-total-slack = ~ тристепенна оценка; критичен: дял от изпълненията с нулев общ резерв
t-funding-gap-cost-no-source-covers-plus-commitments-beyond-a-source-s-amount = недостиг на финансиране: разходи без покритие от източник плюс поетото над сумата на източника
t-the-plans-are-the-same = Плановете са еднакви.
t-critical-path-changed = Критичният път се промени:
t-critical-path-unchanged = Критичният път е същият.
funding-caps-title = Годишни тавани: изплатен дял от `per_year` за всяка година (таван в хиляди { $currency })
funding-sources-title = Източници на финансиране ({ $currency })
funding-spend-title = Разходи по години в плана (хиляди { $currency }; всеки принос е разпределен равномерно в дните на проекта)
funding-projects-title = Проекти ({ $currency })
use-per-month = използване по месеци от { $first }
use-per-quarter = използване по тримесечия от { $first }
use = използване
risk-settings = Монте Карло: { $runs } изпълнения, seed { $seed }, разпределение { $distribution }; { $uncertain } от { $projects } проекта имат тристепенни оценки
risk-finish = Край на пътната карта: по план { $planned }; P50 { $p50 }, P80 { $p80 }, P95 { $p95 }; { $chance } вероятност за завършване до планираната дата
t-added-and-removed-projects = Добавени (+) и премахнати (-) проекти:
t-changed-or-moved-projects-new-dates-slip-in-days = Променени или преместени проекти (нови дати, закъснение в дни):
t-funding-amount-committed = Финансиране (сума, поето)
t-resources-capacity-peak-use = Ресурси (капацитет, пиково използване)

# The HTML report's summary and progress.
tile-years = { $years } години
tile-days = { $days } дни, { $start } → { $finish }
tile-projects = проекта, { $milestones } ключови етапа, { $waves } вълни
tile-critical = критични (без резерв)
tile-shortest = най-кратък
tile-no-earlier = никой план не може да завърши преди { $date }
tile-at-most = ≤ { $days } дни
tile-no-bound = няма долна граница
tile-total-cost = общо разходи
tile-committed = поети от { $available } налични
critical-chains = Критични вериги ({ $count }):
none = няма
more-chains = {" "}(и още { $more } вериги)
progress = Напредък
progress-as-of = Напредък към { $date }
progress-counts = { $done } завършени, { $progress } в изпълнение, { $todo } предстоящи; датите по-долу планират оставащата работа.
progress-counts-from = { $done } завършени, { $progress } в изпълнение, { $todo } предстоящи; датите по-долу планират оставащата работа от { $date }.
not-recorded = не е записан
status-to-do = предстои
t-status = състояние
t-progress = напредък
t-role = роля
t-share-of-cost = дял от разходите
no-findings = Няма констатации: всички крайни срокове, периоди за финансиране и поети ангажименти са спазени.
at-line = {" "}(ред { $line })
severity-error = грешка
severity-warning = предупреждение

# The HTML report's project fiches.
fiche-milestone = Ключов етап
fiche-days = { $days } дни
fiche-in-progress = , в изпълнение
fiche-in-progress-share = , в изпълнение ({ $percent }% изпълнени)
fiche-done = , завършен
fiche-critical = критичен, без резерв
fiche-slack = { $days } дни резерв
fiche-programme = ; програма { $name }
fiche-when = { $kind }, { $start } → { $finish }{ $status }; приоритет { $priority }; { $slack }{ $programme }
fiche-risk = Завършва до { $p80 } в 80% от { $runs } симулирани изпълнения (P50 { $p50 }, P95 { $p95 }); на критичния път е в { $critical }% от тях.
fiche-no-objectives = Не са посочени.
fiche-no-indicators = Не допринася за нито един индикатор.
fiche-on-finishing = { $value } при завършване: { $name }
fiche-leads = Водещ: { $name }
fiche-with = ; участници: { $names }
fiche-no-dependencies = От нищо: може да започне самостоятелно.
fiche-fs = започва след края на { $on }
fiche-ss = започва, щом е започнал { $on }
fiche-ff = завършва, щом е завършил { $on }
fiche-lag = { $rule } (забавяне { $lag })
fiche-no-dependents = Никой проект не го чака.
fiche-no-resources = Не се нуждае от споделен ресурс.
fiche-resource = { $units } { $unit } от { $name } (капацитет { $capacity })
fiche-no-cost = Не са посочени разходи.
fiche-costs = Разходи { $amount } { $currency }
fiche-unpaid = нито един източник не го финансира
fiche-pays = { $name } плаща { $amount } ({ $share }%)
fiche-not-covered = { $amount } { $currency } без покритие
fiche-margin = { $days } дни резерв
fiche-missed-by = пропуснат с { $days } дни
fiche-deadline = краен срок { $date }: { $margin }
any-time = по всяко време
fiche-window = { $name }, период { $window }
fiche-before-opening = започва преди отварянето му
fiche-nothing-due = Няма краен срок и период за финансиране.
no-role = Без роля: { $ids }
funding-note = Суми в { $currency }. Разходите по години разпределят всеки принос равномерно в дните на проекта по плана.
opportunities-note = Източници, които още могат да покрият всеки недостиг: период, припокриващ датите по плана, непоети средства, дял, тавани за проект и за година, допустими цели. Най-подходящите първо.
t-about-the-actors = За организациите
t-about-the-sources = За източниците
t-about-the-resources = За ресурсите
t-funding-opportunities = Възможности за финансиране
# Labels of the workbook's headers.
t-average-use = средно използване
t-baseline = базова стойност
t-code = код на констатацията
t-days = дни
t-finding = констатация
t-help = помощ
t-lead = водещ
t-left = остатък
t-line = ред
t-objective = цел
t-path = път
t-reached = достигната
t-severity = тежест
t-slack-days = резерв (дни)
t-total = общо
t-unit = мерна единица
t-window-closes = периодът се затваря
t-window-opens = периодът се отваря
t-yearly-cap = годишен таван
t-no-shared-resource-is-declared-in-the-file = Във файла не е деклариран споделен ресурс.

# The SVG chart.
svg-tip = { $name } ({ $id }): от { $start } до { $finish }
svg-tip-critical = { $name } ({ $id }): от { $start } до { $finish } (критичен)
svg-deadline = краен срок { $date }
svg-window-closes = периодът на { $name } се затваря на { $date }
svg-days-left = остават { $days } дни след края му
t-scheduled = планиран
t-milestone = ключов етап
t-dependency = зависимост
t-critical-chain-point-at-a-row-for-its-other-links = критична верига (посочете ред за другите му връзки)
t-deadline = краен срок
t-funding-window-closes = край на периода за финансиране
e-quoted = "{ $value }": { $error }
e-span-negative = продължителността не може да е отрицателна
e-span-malformed = продължителността изисква цяло число и мерна единица, напр. "9 months" или "2w"
e-span-unit = непозната мерна единица за продължителност `{ $unit }`; използвайте d/day(s) (дни), wd/working day(s) (работни дни), w/week(s) (седмици), m/month(s) (месеци), q/quarter(s) (тримесечия) или y/year(s) (години)
e-span-fraction = продължителностите са цели числа: използвайте по-малка единица вместо дроб ("6w", "45d")
e-span-too-long = продължителността е твърде голяма (най-много { $days } дни или { $months } месеца)

# The HTML report: each funding source and each actor.
no-sources = Във файла не е деклариран източник на финансиране, затова никой проект няма платец.
source-cap = ; най-много { $cap } годишно
source-at-risk = { $amount } { $currency } под риск
source-line = { $amount } { $currency } налични, { $committed } поети, <b>{ $left } остатък</b>; период { $window }{ $cap }; { $risk } (платени на проекти, които планът изпълнява извън периода).
source-pays-nothing = Все още не финансира нито един проект.
actor-line = { $name } ({ $kind }): води { $leads }, участва в { $joins }.
actors-idle = Без роля в нито един проект: { $names }.
no-actors = Във файла не е декларирана организация.
t-spend = разходи
t-cap = таван
# Kinds of actor.
t-public = публична институция
t-business = бизнес
t-startup = стартъп
t-utility = комунално дружество
t-academia = академична общност
t-ngo = НПО
t-other = друго
e-holidays-file-help = посочете файл iCalendar (.ics) спрямо файла на пътната карта, чиито събития са неработните дни
cap-over = над годишния си таван от { $cap }
cap-yearly = годишен таван { $cap }
cap-of = от { $cap }

# Objectives sheet (XLSX)
t-shared = споделени
t-shared-cost = разходи за споделените
t-project-ids = кодове на проектите
t-plan-each-project-once = План (всеки проект веднъж)

# The HTML report's strategy section and the views grouped by objective.
h-strategy = Стратегия
strategy-note = Всяка цел с индикаторите си (по план: базовата стойност плюс приноса на проектите, завършващи до края на всяка година) и програмите и проектите, които ѝ служат. Проект, който служи на няколко цели (↔ споделен), е посочен под всяка от тях и общите стойности на всяка цел го броят изцяло; общите стойности на плана броят всеки проект веднъж.
t-programmes = програми
t-yes = да
t-outside-programmes = Извън програмите
t-no-project-serves-it-yet = Все още нито един проект не ѝ служи.
t-by-objective = По цели
t-plan-each-once = план (всеки веднъж)
indicator-short = с { $value } под целта
indicator-by-year = { $name } по години
indicator-target-tip = цел за { $year }: { $target } (по план { $planned })
objective-shared-cost = {" "}(броени изцяло: { $amount } от разходите)
objective-totals = { $count }{ $shared }; от { $start } до { $finish }; разходи { $cost } { $currency }, поети { $committed }.
objective-count = { $count ->
        [0] нито един проект
        [one] { $count } проект
       *[other] { $count } проекта
    }{ $shared ->
        [0] {""}
        [one] , { $shared } споделен
       *[other] , { $shared } споделени
    }
serving-shared = ↔ споделен, също и { $ids }
date-range = от { $start } до { $finish }
shared-key = { $mark } споделен: служи на няколко цели, посочен е под всяка
objectives-counting = Всяка цел брои споделените си проекти ({ $mark }) изцяло, затова сборът по цели е по-голям от плана; планът брои всеки проект веднъж: { $projects ->
        [one] { $projects } проект
       *[other] { $projects } проекта
    }, от тях споделени { $shared }, разходи { $cost }{ $currency }.

# The HTML report's actors, funding, resources; funding opportunities.
busiest-running = { $quarter } ({ $count } в ход)
t-over-committed = надхвърлени ангажименти
t-under-funded = недофинансиран
t-no-source-can-add-to-it = никой източник не може да добави средства
use-per-month-chart = използване по месеци от { $first } (височина на стълбчето = дял от капацитета)
capacity-from = { $capacity } от { $date }
month-capacity = { $month } (капацитет { $capacity })
capacity-steps-note = капацитет на { $id }: { $capacity } в началото, { $steps }; дяловете са спрямо капацитета за всеки ден
opportunities-title = Възможности за финансиране на непокритите разходи и средствата под риск ({ $currency })
need-outside-window = под риск извън периода на `{ $source }`
need-over-cap = под риск над тавана на `{ $source }` за { $year }
t-uncovered-cost = непокрити разходи
t-covers-the-gap = покрива недостига
limited-by = ограничено от { $limit }
t-uncommitted = непоетите средства
t-window-only-overlaps-the-project = ; периодът само се припокрива с проекта

# Indicators and schedule risk (terminal and HTML).
indicator-objective = цел { $id }
t-late = закъснели
t-would-close-it = биха я достигнали
indicators-note = { $reached } от { $targets } целеви стойности са достигнати по плана.
    по план: базовата стойност плюс приноса на проектите, завършващи до края на годината;
    недостиг: над (+) или под (-) целевата стойност.
due-window = период на { $source }
t-met = спазен
t-missed = пропуснат
t-at-risk = под риск
risk-histogram = Край на пътната карта (последен ден) в { $runs } изпълнения:
t-triangular = триъгълно
t-uniform = равномерно
h-risk = Риск за графика
risk-summary = { $runs } изпълнения по Монте Карло (seed { $seed }, разпределение { $distribution }, { $uncertain } проекта с тристепенни оценки). Планиран край { $planned }; P50 { $p50 }, P80 { $p80 }, P95 { $p95 }: { $chance } вероятност за завършване до планираната дата.
risk-histogram-label = Хистограма на датата на завършване на пътната карта
risk-bin = { $from } – { $to }: { $count ->
        [one] { $count } изпълнение
       *[other] { $count } изпълнения
    }

# Findings: the holidays file, holidays after the plan (W014), capacity steps (E016), effort (E017).
ics-not-icalendar = това не е текст във формат iCalendar (очакват се `BEGIN:VCALENDAR`, редове `NAME:value` и съответен `END`)
ics-no-calendar = файлът няма `BEGIN:VCALENDAR`
ics-no-start = събитие няма `DTSTART`
ics-not-date = `{ $value }` не е дата или дата и час
ics-not-date-in = `{ $value }` в { $name } не е дата или дата и час
ics-no-events = файлът няма събития (`VEVENT`), следователно и неработни дни
ics-not-duration = `{ $value }` не е продължителност в iCalendar (напр. `P1D`, `P2W`)
ics-ends-before-start = събитието завършва, преди да е започнало
ics-not-rule = `{ $value }` не е правило за повторение: { $detail }
holidays-not-read = файлът с празници не е прочетен заедно с пътната карта
holidays-unreadable = файлът с празници { $file } не може да бъде прочетен: { $reason }
holidays-error = { $place }: { $message }
w-holiday-after-plan = { $date } е след { $year }, последната година на плана: не променя нищо
w-holiday-after-plan-help = проверете годината или го премахнете
e-step-before-start = промяна на капацитета на { $day } не е след началото на пътната карта { $start }
e-step-before-start-help = задайте капацитета от началото с `capacity`; промените (`changes`) са за по-късни дати
e-step-order = промяна на капацитета на { $day } е след тази на { $previous }: промените се изреждат по дати
note-step-before = предишната промяна
e-step-order-help = изредете `changes` по дати, най-много по една промяна на ден
e-effort-and-duration = проектът има или `effort`, или `duration`, не и двете
note-duration-here = продължителността е зададена тук
e-effort-and-duration-help = оставете `effort`, за да се изчисли продължителността от заетите единици, или само `duration`
e-effort-too-long = трудът на `{ $project }` за `{ $resource }` отнема над 1000 години при заетите единици
e-effort-no-units = `{ $project }` не заема единици от `{ $resource }`, затова трудът му за него не дава продължителност
note-units-held = заетите единици са тук
e-effort-no-units-help = заемете ресурса: `resources = {"{"} { $resource } = 1.5 {"}"}` (18 човекомесеца при 1,5 са 12 месеца)
e-effort-empty = `effort` не посочва ресурс
e-effort-empty-help = запишете `effort = {"{"} it-staff = "18 person-months" {"}"}` или `duration`

# The SVG chart: programme bars and progress.
svg-programme-tip = { $name }: от { $start } до { $finish }
svg-programme-tip-critical = { $name }: от { $start } до { $finish } (критична)
svg-done-as-of = изпълнено към { $date }
svg-as-of = към { $date }

# The TOML parser's errors (E001): its own English detail, introduced in the language.
e-toml = грешка при разчитането на TOML (съобщение на анализатора): { $detail }

# iCalendar event descriptions.
ics-critical = {" "}Критичен.
ics-programme = {" "}Програма: { $name }.
ics-milestone-about = { $name } ({ $id }), водещ: { $lead }.{ $critical }
ics-start-about = { $name } ({ $id }) започва; продължава до { $date }, водещ: { $lead }.{ $critical }
ics-finish-about = { $name } ({ $id }) завършва (последен ден); започнал на { $date }, водещ: { $lead }.{ $critical }
ics-deadline-about = Крайният срок на { $name } ({ $id }) е краят на този ден; по плана проектът завършва на { $finish }: { $margin }.
ics-paid = { $name } ({ $id }) завършва на { $finish }: { $margin }
ics-window-about = Периодът на { $name } ({ $id }) се затваря: проектите, които финансира, трябва да завършат до този ден.{ $rest }

# `roadmap diff` (table and Markdown).
diff-summary = Край { $old } → { $new } ({ $slip } дни); добавени { $added }, премахнати { $removed }, променени или преместени { $changed }; разходи { $old_cost } → { $new_cost }
t-now-critical = вече критичен
t-no-longer-critical = вече не е критичен
diff-old = { $what } преди
diff-new = { $what } сега
t-none = (няма)
diff-moved = преместен: { $why }
t-old = преди
t-new = сега
t-roadmap-plan = План на пътната карта
t-no-change-to-the-plan = Планът не е променен.
t-added = добавен
t-removed = премахнат
t-funding = финансиране
t-resources = ресурси
moved-by-days = , който се премести с { $days } дни
moved-nothing = нищо: започва с плана
moved-release = най-ранния му ден, { $date }
moved-after = след `{ $project }` ({ $kind }){ $moved }
moved-resource = `{ $resource }`, освободен от `{ $by }`{ $moved }
moved-capacity = `{ $resource }` нараства в деня на началото му
moved-cap = годишния таван на `{ $source }` за { $year }

# `roadmap funding` and `roadmap compare` notes.
funding-over-cap = { $marker } `{ $source }` изплаща повече от тавана си от { $cap } { $currency } през { $year }: не е намерен план в рамките на тавана (вж. W008)
funding-held-by-cap = { $project } започва на { $start }: ден по-рано `{ $source }` би изплатил повече от тавана си през { $year }
funding-over-committed = { $marker } поетото от `{ $source }` надхвърля сумата му с { $amount } { $currency }
funding-under-funded = { $marker } { $count ->
        [one] { $count } проект е недофинансиран
       *[other] { $count } проекта са недофинансирани
    } общо с { $amount } { $currency }
compare-funding-gap = недостиг на финансиране ({ $currency })

# The roll-up by programme under `order`, `actors`, `funding` and `resources`.
programme-lead = водещ { $id }
programme-project-leads = проекти, водени от { $ids }
programme-with = с участието на { $ids }
programmes-note = всяка програма сумира своите проекти и проектите на подпрограмите си
programmes-note-amounts = суми в { $currency }; всяка програма сумира своите проекти и проектите на подпрограмите си

# `roadmap calendar`: weekdays, kinds of day and Bulgaria's public holidays.
order-note = { $projects ->
        [one] { $projects } проект
       *[other] { $projects } проекта
    } в { $waves ->
        [one] { $waves } вълна
       *[other] { $waves } вълни
    }, по вълни, после по начало, после по приоритет: вълна 0 не чака нищо, всеки друг проект идва една вълна след най-късната си предпоставка.
    Връзки: FS край–начало (по подразбиране, показва се само кодът), SS начало–начало, FF край–край; +забавяне.
t-mon = пн
t-tue = вт
t-wed = ср
t-thu = чт
t-fri = пт
t-sat = сб
t-sun = нд
t-off = почивен
t-worked = работен
calendar-weekly = седмичен почивен ден ({ $day })
t-every-day-no-calendar = всеки ден (няма [calendar])
bg-in-place-of = вместо празника на { $date }
t-new-year-s-day = Нова година
t-liberation-day = Ден на Освобождението
t-labour-day = Ден на труда
t-st-george-s-day = Гергьовден
t-day-of-slavonic-script-and-culture = Ден на българската просвета и култура и на славянската писменост
t-unification-day = Ден на Съединението
t-independence-day = Ден на Независимостта
t-christmas-eve = Бъдни вечер
t-christmas-day = Рождество Христово
t-christmas-second-day = Рождество Христово (втори ден)
t-good-friday = Разпети петък
t-holy-saturday = Велика събота
t-easter-sunday = Великден
t-easter-monday = Великден (втори ден)

# `roadmap validate`: the line per file.
validate-invalid = { $name }: невалиден ({ $errors }, { $warnings })
validate-valid = валиден
validate-valid-with = валиден с { $warnings }
validate-money = ; общо разходи { $cost } { $currency }, поето финансиране { $committed } { $currency }{ $share }
validate-errors = { $count ->
        [one] { $count } грешка
       *[other] { $count } грешки
    }
validate-warnings = { $count ->
        [one] { $count } предупреждение
       *[other] { $count } предупреждения
    }
validate-projects = { $count ->
        [one] { $count } проект
       *[other] { $count } проекта
    }
validate-objectives = { $count ->
        [one] { $count } цел
       *[other] { $count } цели
    }
validate-actors = { $count ->
        [one] { $count } организация
       *[other] { $count } организации
    }
validate-resources = { $count ->
        [one] { $count } ресурс
       *[other] { $count } ресурса
    }
validate-sources = { $count ->
        [one] { $count } източник на финансиране
       *[other] { $count } източника на финансиране
    }
validate-programmes = { $count ->
        [one] { $count } програма
       *[other] { $count } програми
    }
validate-indicators = { $count ->
        [one] { $count } индикатор
       *[other] { $count } индикатора
    }

# `roadmap rank`, `risk` and `compare` notes.
t-default = по подразбиране
t-set = зададен
rank-set-implies = зададен; оценката дава { $implied }
rank-weights = Претеглена оценка (0-5) = сбор от дела на тежестта × оценката: { $weights }
risk-no-estimates = бележка: нито един проект няма тристепенна оценка на продължителността, затова всяко изпълнение е самият план; запишете duration = {"{"} optimistic = "4 months", likely = "6 months", pessimistic = "12 months" {"}"}
compare-no-scenarios = бележка: { $file } няма таблици [[scenario]]; показан е само базовият план
