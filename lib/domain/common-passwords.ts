/**
 * Password rules for passwords people choose themselves (NIST SP 800-63B §5.1.1.2): a minimum
 * length, no upper bound worth mentioning, no composition rules — but refuse passwords that
 * appear in lists of breached or most common passwords, and ones derived from the account's own
 * name or e-mail. Framework-free, so forms and the server share it.
 *
 * The list below holds about 1,000 of the most common passwords of the public breach statistics
 * (RockYou, NCSC's top list, SplashData's yearly lists, HPI's German lists), lowercased; about
 * 500 of them are long enough to pass the length rule. Short entries stay in the list because
 * they also catch "<word><digits>" variants such as "dragon2026!" (see `isCommon`).
 */

export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt reads at most 72 bytes; 200 characters keeps forms and rows bounded. */
export const PASSWORD_MAX_LENGTH = 200;

const LIST = `
123456 123456789 12345678 1234567890 12345 1234567 123123 111111 000000 654321 666666 121212
112233 123321 7777777 88888888 11111111 00000000 12341234 87654321 1q2w3e4r 1q2w3e4r5t 1qaz2wsx
1qazxsw2 zaq12wsx zaq1zaq1 qazwsx qazwsxedc q1w2e3r4 q1w2e3r4t5 a1b2c3d4 abc123 abcd1234 abc12345
123abc 123qwe qwe123 qweasd qweasdzxc asdf1234 asdfasdf asdfghjkl asdfghjk zxcvbnm zxcvbnm1
qwerty qwerty1 qwerty12 qwerty123 qwertyui qwertyuiop qwertz qwertz123 qwertzuiop ytrewq azerty
azertyuiop 1234qwer qwer1234 147258369 159753 159357 741852963 789456123 123654789 963852741
123456a 123456q a123456 a12345678 q123456 password password1 password12 password123 password1234
password! password1! passw0rd p@ssword p@ssw0rd pa$$word pass1234 pass123 pass passwort passwort1
passwort123 passwort1234 kennwort kennwort1 geheim geheim123 geheimnis passwd admin admin123
admin1234 administrator root toor letmein letmein1 letmein123 welcome welcome1 welcome123
willkommen willkommen1 willkommen123 login login123 guest test test123 test1234 testtest
testing tester changeme changeme123 default secret secret123 master master123 access
iloveyou iloveyou1 iloveyou2 iloveu ilovegod ilovemyself loveyou love123 lovely loveme
lovelove ichliebedich liebe liebe123 schatz schatz123 schatzi hallo hallo123 hallo1234
hallohallo servus moin tschuess danke bitte sonne sonnenschein sunshine sunshine1 princess
princess1 prinzessin dragon dragon1 monkey monkey1 monkey123 shadow shadow1 master1 superman
batman spiderman starwars star wars pokemon pikachu naruto matrix trustno1 whatever nothing
football football1 fussball fussball1 soccer baseball basketball hockey golf tennis boxer
jordan jordan23 michael michael1 jennifer jessica ashley daniel charlie charlie1 thomas robert
andrew joshua matthew anthony william christian nicole amanda michelle melissa hannah jasmine
samantha elizabeth victoria tigger tigger1 ginger pepper maggie buster buddy bailey cookie
chocolate cheese banana orange apple strawberry cherry peanut butterfly flower flowers rainbow
summer winter autumn spring september october november december january february august april
monday friday sunday weekend holiday freedom hello hello1 hello123 hellokitty helloworld
killer hunter hunter2 ranger soldier warrior fighter gamer gaming computer internet google
yahoo facebook twitter instagram microsoft windows apple123 samsung nokia iphone android
blink182 metallica nirvana eminem slipknot linkinpark beatles music guitar piano rockstar
rocknroll money money1 money123 dollar cash rich success lucky lucky7 lucky13 angel angel1
angels devil diablo heaven jesus jesus1 christ god godisgood blessed faith hope destiny
forever forever1 friends friend family family1 mother father mommy daddy baby baby123 babygirl
babyboy sweety sweetie honey sugar cutie pretty beautiful gorgeous sexy sexy123 hottie hotstuff
naughty kisses kiss passion fuckyou fuckoff ficken arschloch scheisse bitch asshole whore
shithead penis pussy dick cock blowjob boobs porn horny 696969 6969 69696969 420420 131313
777777 999999 555555 222222 333333 444444 12344321 10203040 102030 11223344 147852 147258
258456 852456 963852 123654 321321 202020 2000 2001 2002 2003 2004 2005 2010 2020 2021 2022 2023
2024 2025 2026 19851985 19861986 19871987 19881988 19891989 19901990 19911991 19921992 1234abcd
abcdef abcdefg abcdefgh abcdefghi abcdefghij aaaaaa aaaaaaaa abcabc abc123abc 1a2b3c4d qazxswedc
zxcvbn zxcvbnm123 asdzxc asd123 asdasd asdasdasd zxczxc qweqwe qweqweqwe 1q2w3e 1q2w3e4 q1w2e3
123qweasd 123qweasdzxc 1qaz2wsx3edc qwaszx mnbvcxz poiuytrewq lkjhgfdsa 0987654321 9876543210
1111111111 1234554321 12121212 123412345 1234512345 123456123456 0123456789 01234567 7654321
baseball1 football12 soccer1 superman1 batman1 spiderman1 starwars1 pokemon1 dragonball
dragons phoenix falcon eagle eagles tiger tigers lion lions wolf wolves bear bears shark sharks
panther panthers jaguar mustang ferrari porsche mercedes bmw audi volkswagen corvette
harley yamaha honda toyota nissan mazda chevy camaro ford trucks racing speed turbo
schalke schalke04 bayern bayern1 fcbayern borussia dortmund bvb09 werder hertha hsv hamburg
berlin muenchen munich koeln frankfurt stuttgart dresden leipzig germany deutschland london
paris newyork chicago boston dallas texas florida california miami america usa123 canada
mexico brazil italia espana france europe england scotland ireland australia
pizza pizza123 burger hotdog coffee tequila whiskey vodka beer bier party123 summer1 winter1
spring1 lovers jesus123 matrix1 mario mario123 zelda minecraft fortnite roblox overwatch
counter halo xbox xbox360 playstation ps3 ps4 nintendo sega tetris doom quake warcraft
starcraft diablo3 skyrim gandalf frodo hobbit legolas aragorn sauron hogwarts harrypotter
hermione potter voldemort sherlock dexter friends1 simpsons homer bart southpark futurama
superstar supergirl superhero wonder wonderful awesome amazing fantastic perfect special
secure security protect private personal unknown nobody someone anything everything
qwerty1234 qwerty12345 1qaz1qaz 2wsx3edc 3edc4rfv 4rfv5tgb zaq1xsw2 xsw2zaq1 1q2w3e4r5t6y
q1w2e3r4t5y6 1qa2ws3ed 12qwaszx 12qwerty 123qwerty qwerty123456 trustme believe imagine
dreams dreamer whatever1 nothing1 blahblah blabla lalala hahaha hehehe lollol lol123 omg123
iloveyou! iloveyou123 loveyou1 letmein! welcome! password2 password3 password7 password11
password01 password99 password2024 password2025 password2026 passwort2024 passwort2025
passwort2026 sommer sommer123 sommer2024 sommer2025 winter123 winter2024 winter2025 fruehling
herbst herbst123 januar februar maerz april123 mai juni juli august123 oktober dezember
montag freitag samstag sonntag wochenende urlaub urlaub123 feierabend arbeit arbeit123 buero
firma firma123 chef chef123 mitarbeiter redaktion redaktion1 zeitung zeitung123 presse
nachrichten journalist faktencheck faktenpruefer fakten wahrheit wahrheit1 luege
benutzer benutzer1 anmelden anmeldung zugang zugang123 start start123 neustart neu123
mustermann maxmustermann max123 muster muster123 beispiel beispiel123 example example123
temp temp123 temporary abc12345! 12345678! qwerty! 1234567a 12345678a a1234567 1234567q
q1234567 aa123456 aa12345678 abc1234 abcd123 abcde12345 asdf123 asdf12345 qwer123 zxcv1234
iamthebest thebest bestfriend mylove myself yourmom mypassword mypass thepassword
nopassword nopass noaccess nothing123 letmein2 open sesame opensesame openup unlock
computer1 internet1 laptop desktop keyboard mouse monitor server network system system1
oracle mysql postgres database linux ubuntu debian windows10 windows7 macbook
superuser sysadmin webmaster manager manager1 support support123 service service123
office office123 user user123 user1234 username demo demo123 sample
babygirl1 princess123 sunshine123 football123 baseball123 superman123 michael123 jordan123
chocolate1 butterfly1 elephant dolphin dolphins penguin unicorn unicorns kangaroo giraffe
snowball snowflake snoopy scooby scoobydoo garfield mickeymouse minnie donald goofy tweety
pinkfloyd ledzeppelin acdc ironmaiden guns'n'roses queen123 madonna beyonce rihanna
justinbieber onedirection taylorswift bigdaddy bigboss bossman godzilla predator terminator
transformer highlander gladiator braveheart titanic avatar avengers ironman captain
thunder lightning hurricane tornado blizzard firebird firefly redskins cowboys steelers
packers patriots yankees redsox lakers celtics bulls chelsea arsenal liverpool manchester
barcelona realmadrid juventus milan ronaldo messi zidane beckham federer
trustnoone iloveyou. 1234567890a qwertyasdf asdfqwer qazwsx123 qwe123qwe 123asd123
1a2s3d4f 1z2x3c4v 1q1q1q1q 2w2w2w2w q1q1q1q1 a1a1a1a1 zaq!2wsx !qaz2wsx 1qaz@wsx
p4ssw0rd p455w0rd passw0rd1 pa55word pa55w0rd password01! passwort! passwort01 kennwort123
geheim1234 hallo12345 hallo1234! schatz1234 maus1234 mausi mausi123 hasi hasi123 baerchen
schnucki engelchen prinz ritter drache drachen tiger123 loewe adler falke pferd pferde hund
hunde katze katzen hamster schildkroete delfin pinguin einhorn blume blumen rose rosen
lilie sonnenblume schokolade kuchen keks erdbeere kirsche banane apfel birne zitrone
sternchen stern sterne himmel engel teufel hoelle gott jesus1234 amen halleluja
familie mama papa oma opa bruder schwester tochter sohn kinder freund freundin liebling
hochzeit geburtstag weihnachten ostern silvester neujahr schule lehrer schueler
student studium universitaet computer123 rechner handy telefon fernseher auto autos
motorrad fahrrad eisenbahn flugzeug schiff rakete fussball123 handball eishockey
formel1 schumacher vettel borussia09 bvb1909 fcb1900 koeln1948 eintracht hannover96
stuttgart1893 werderbremen hsv1887 unionberlin fcstpauli stpauli rostock kaiserslautern
ich ichbins ichbinich meinpasswort meinname keineahnung egal egal123 nichts irgendwas
asdfjkl asdfjkl; jkl;asdf qayxsw qayxswedc yxcvbnm yxcvbnm123 wsxedc edcrfv rfvtgb
tgbzhn zhnujm ujmik qwertzu qwertzui 123456789a 123456789q 987654321 9876543210a
`;

/** Lowercased common passwords (a Set: lookups stay O(1) however long the list grows). */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

/** Digits and symbols people append to a common word ("sunshine2026!", "dragon12"). */
const WEAK_SUFFIX = /[0-9!?.@#$%&*_+-]{1,6}$/;

export type PasswordProblem = `password_too_short:${number}` | `password_too_long:${number}` | "password_common" | "password_personal";

function isCommon(lower: string): boolean {
  if (COMMON_PASSWORDS.has(lower)) return true;
  // One character repeated ("aaaaaaaa", "11111111") is as weak as anything on the list.
  if (/^(.)\1*$/.test(lower)) return true;
  const base = lower.replace(WEAK_SUFFIX, "");
  return base.length >= 4 && base !== lower && COMMON_PASSWORDS.has(base);
}

/** Variants of the account's own identity a guesser would try first. */
function personalWords(person: { email?: string | null; name?: string | null }): string[] {
  const words: string[] = [];
  const email = person.email?.trim().toLowerCase();
  if (email) words.push(email, email.split("@")[0]);
  const name = person.name?.trim().toLowerCase();
  if (name) words.push(name, name.replace(/\s+/g, ""), ...name.split(/\s+/));
  return words.filter((w) => w.length > 0);
}

/**
 * Why `password` is not acceptable for this person, as a validation code ("password_common"),
 * or null when it is fine. Comparison is case-insensitive.
 */
export function passwordProblem(password: string, person: { email?: string | null; name?: string | null }): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `password_too_short:${PASSWORD_MIN_LENGTH}`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password_too_long:${PASSWORD_MAX_LENGTH}`;
  const lower = password.trim().toLowerCase();
  if (personalWords(person).some((w) => lower === w || lower.replace(WEAK_SUFFIX, "") === w)) return "password_personal";
  if (isCommon(lower)) return "password_common";
  return null;
}
