"""The service area pages and their service pages: what a citizen reads before calling.

Each service page says who the service is for, how to apply, what it costs, how long
it takes and what happens next. Facts follow Swedish law as of 2026; amounts that the
municipality decides itself (fees, local distance limits) are Exempelkommun's own.
"""

import datetime as dt

from pages.demo.streams import heading, links, notice, paragraph, steps, t, warning

JOUR = "08-465 004 90"  # teknisk jour, dygnet runt

APPEAL = paragraph("""<p>Om du inte är nöjd med beslutet kan du överklaga det till
    förvaltningsrätten. Överklagandet ska ha kommit in till oss inom tre veckor från den dag du
    fick beslutet. Hur du gör står i beslutet, och handläggaren hjälper dig om du vill.</p>""")


# --- 1 Äldreomsorg och funktionsnedsättning ----------------------------------------

HEMTJANST = {
    "slug": "hemtjanst",
    "title": "Hemtjänst",
    "department": "Vård- och omsorgsförvaltningen",
    "reviewed": dt.date(2026, 10, 6),
    "blanketter": ["VOF-101"],
    "faqs": ["hemtjanst-ansoka", "hemtjanst-kostnad"],
    "fields": {
        "intro": t("""Hemtjänst är hjälp i hemmet för dig som har svårt att klara vardagen på
            egen hand på grund av ålder, sjukdom eller funktionsnedsättning."""),
        "body": [
            heading("Vad kan du få hjälp med?"),
            paragraph("""<p>Hemtjänsten anpassas efter dina behov. Du kan till exempel få
                hjälp med</p>
                <ul>
                <li>städning, tvätt och inköp,</li>
                <li>personlig hygien, dusch och påklädning,</li>
                <li>måltider, eller färdiga matlådor hem (matdistribution),</li>
                <li>trygghetslarm, så att du kan larma dygnet runt,</li>
                <li>ledsagning till exempelvis läkare eller frisör.</li>
                </ul>
                <p>Du kan välja om kommunens hemtjänst eller något av de företag som kommunen har
                avtal med ska ge dig hjälpen.</p>"""),
            steps(
                [
                    """<p><b>Kontakta oss.</b> Ring kontaktcenter på 08-465 004 00 och välj 1, eller
                skicka blanketten <a href="doc:VOF-101">Ansökan om bistånd enligt
                socialtjänstlagen</a>. En anhörig kan kontakta oss åt dig om du vill.</p>""",
                    """<p><b>Hembesök.</b> En biståndshandläggare besöker dig och pratar om hur du har
                det och vad du behöver hjälp med. Du får gärna ha med en anhörig.</p>""",
                    """<p><b>Beslut.</b> Du får ett skriftligt beslut, oftast inom två till fyra
                veckor. Kommer du hem från sjukhuset planerar vi hjälpen tillsammans med
                sjukhuset redan innan du skrivs ut.</p>""",
                    """<p><b>Hjälpen startar.</b> Hemtjänsten kontaktar dig och gör en plan
                tillsammans med dig för hur och när hjälpen ska ges.</p>""",
                ],
                heading="Så ansöker du",
            ),
            heading("Vad kostar det?"),
            paragraph("""<p>Du betalar en avgift per månad som beror på din inkomst och hur
                mycket hjälp du får. Avgiften är aldrig högre än den maxtaxa för äldreomsorg som
                staten bestämmer varje år, och du får alltid behålla ett belopp för dina egna
                levnadskostnader (förbehållsbelopp). Matlådor betalar du för separat.</p>
                <p>När du har fått beslut skickar vi en inkomstförfrågan till dig. Om du inte
                lämnar uppgifter om din inkomst får du betala den högsta avgiften.</p>"""),
            heading("Om du inte är nöjd"),
            APPEAL,
            links(
                [
                    ("Särskilt boende", "page:sarskilt-boende"),
                    ("Färdtjänst", "page:fardtjanst"),
                    ("Socialstyrelsen om äldreomsorg", "https://www.socialstyrelsen.se"),
                ],
                heading="Läs också",
            ),
        ],
        "contact_text": t("""Ring kontaktcenter och välj 1 i talsvaret för att prata med en
            biståndshandläggare. På torsdagar har vi öppet till 19.00."""),
    },
}

SARSKILT_BOENDE = {
    "slug": "sarskilt-boende",
    "title": "Särskilt boende",
    "department": "Vård- och omsorgsförvaltningen",
    "reviewed": dt.date(2026, 10, 6),
    "blanketter": ["VOF-101"],
    "faqs": ["hemtjanst-ansoka"],
    "fields": {
        "intro": t("""Särskilt boende är en bostad med personal dygnet runt, för dig som
            behöver så mycket vård och omsorg att du inte längre kan bo kvar hemma, även med
            hemtjänst."""),
        "body": [
            heading("Vem kan få särskilt boende?"),
            paragraph("""<p>Du kan få särskilt boende om du har ett stort behov av vård och
                omsorg under hela dygnet. Innan du ansöker har du oftast haft hemtjänst en tid.
                Det finns olika former:</p>
                <ul>
                <li>vård- och omsorgsboende,</li>
                <li>boende för personer med demenssjukdom,</li>
                <li>korttidsboende, för en kortare tid, till exempel efter en sjukhusvistelse
                eller för att ge en anhörig avlastning.</li>
                </ul>
                <p>Har du bott länge tillsammans med din make, maka eller sambo har ni rätt att
                fortsätta bo tillsammans, även om bara en av er behöver särskilt
                boende.</p>"""),
            steps(
                [
                    """<p>Skicka blanketten <a href="doc:VOF-101">Ansökan om bistånd enligt
                socialtjänstlagen</a> eller ring kontaktcenter och välj 1.</p>""",
                    """<p>En biståndshandläggare utreder dina behov, oftast vid ett besök hos dig.
                Handläggaren kan behöva prata med hemtjänsten eller vården, men bara om du
                samtycker.</p>""",
                    """<p>Du får ett skriftligt beslut. Om du beviljas särskilt boende ska du få
                erbjudande om en plats inom tre månader. Om det dröjer längre måste kommunen
                rapportera det till Inspektionen för vård och omsorg (IVO).</p>""",
                    """<p>När du får ett erbjudande om en lägenhet har du några dagar på dig att
                svara. Personalen på boendet hjälper dig att planera flytten.</p>""",
                ],
                heading="Så ansöker du",
            ),
            heading("Vad kostar det?"),
            paragraph("""<p>Du betalar hyra för lägenheten, en avgift för vård och omsorg och
                en avgift för maten. Omsorgsavgiften beror på din inkomst och är aldrig högre
                än maxtaxan. Du kan ha rätt till bostadstillägg från Pensionsmyndigheten för
                hyran.</p>
                <p>Har du en hyresrätt i dag är uppsägningstiden bara en månad när du flyttar
                till särskilt boende.</p>"""),
            heading("Om du inte är nöjd"),
            APPEAL,
            links(
                [
                    ("Hemtjänst", "page:hemtjanst"),
                    ("Pensionsmyndigheten om bostadstillägg", "https://www.pensionsmyndigheten.se"),
                ],
                heading="Läs också",
            ),
        ],
        "contact_text": "Ring kontaktcenter och välj 1 i talsvaret.",
    },
}

FARDTJANST = {
    "slug": "fardtjanst",
    "title": "Färdtjänst",
    "department": "Vård- och omsorgsförvaltningen",
    "reviewed": dt.date(2026, 9, 22),
    "blanketter": ["VOF-102", "VOF-103"],
    "faqs": ["fardtjanst-tillfallig"],
    "fields": {
        "intro": t("""Färdtjänst är resor med taxi eller specialfordon för dig som på grund av
            en funktionsnedsättning har stora svårigheter att resa med buss och tåg."""),
        "body": [
            heading("Vem kan få färdtjänst?"),
            paragraph("""<p>Du kan få färdtjänst om du har en funktionsnedsättning som gör att
                du har väsentliga svårigheter att förflytta dig på egen hand eller att resa med
                kollektivtrafiken. Funktionsnedsättningen ska väntas vara i minst tre månader.
                Det är din funktionsnedsättning som avgör, inte din ålder eller att det saknas
                busslinjer där du bor.</p>"""),
            steps(
                [
                    """<p>Fyll i <a href="doc:VOF-102">Ansökan om färdtjänst och
                riksfärdtjänst</a>.</p>""",
                    """<p>Be din läkare fylla i <a href="doc:VOF-103">Läkarintyg för
                färdtjänst</a>, om du har ett. Det gör utredningen snabbare.</p>""",
                    """<p>Skicka in blanketterna. En handläggare ringer dig, och kan ibland vilja
                träffa dig.</p>""",
                    """<p>Du får ett skriftligt beslut, oftast inom fyra veckor. Beviljas du
                färdtjänst får du ett färdtjänstkort hemskickat.</p>""",
                ],
                heading="Så ansöker du",
            ),
            heading("Resor och kostnader"),
            paragraph("""<p>Du beställer resorna hos färdtjänstens beställningscentral på
                08-465 004 25, senast en timme före resan. Du betalar en egenavgift för varje
                resa, som motsvarar ungefär vad samma resa kostar med kollektivtrafiken. Har du
                beviljats ledsagare reser ledsagaren gratis. En medresenär betalar samma avgift
                som du.</p>
                <p>Ska du resa längre, utanför länet, kan du ansöka om <b>riksfärdtjänst</b>
                med samma blankett.</p>"""),
            heading("Om du inte är nöjd"),
            APPEAL,
            links(
                [("Parkeringstillstånd för rörelsehindrade", "page:parkeringstillstand")], heading="Läs också"
            ),
        ],
        "contact_text": t("""Frågor om din ansökan: ring kontaktcenter och välj 1. Beställ
            resor: 08-465 004 25."""),
    },
}

LSS = {
    "slug": "lss-insatser",
    "title": "Stöd enligt LSS",
    "department": "Vård- och omsorgsförvaltningen",
    "reviewed": dt.date(2026, 9, 22),
    "blanketter": ["VOF-201"],
    "faqs": ["lss-vem"],
    "fields": {
        "intro": t("""LSS är en lag som ger personer med stora och varaktiga
            funktionsnedsättningar rätt till stöd, så att de kan leva som andra. Här kan du läsa
            vilka insatser kommunen ger och hur du ansöker."""),
        "body": [
            heading("Vem kan få stöd?"),
            paragraph("""<p>Lagen om stöd och service till vissa funktionshindrade (LSS)
                gäller dig som har</p>
                <ul>
                <li>en intellektuell funktionsnedsättning eller autism,</li>
                <li>en bestående begåvningsmässig funktionsnedsättning efter en hjärnskada i
                vuxen ålder,</li>
                <li>andra stora och varaktiga fysiska eller psykiska funktionsnedsättningar som
                inte beror på normalt åldrande och som gör det mycket svårt att klara
                vardagen.</li>
                </ul>"""),
            heading("Insatser som kommunen ansvarar för"),
            paragraph("""<ul>
                <li>personlig assistans, om behovet för de grundläggande behoven är högst 20
                timmar i veckan,</li>
                <li>ledsagarservice,</li>
                <li>kontaktperson,</li>
                <li>avlösarservice i hemmet,</li>
                <li>korttidsvistelse utanför hemmet,</li>
                <li>korttidstillsyn för skolungdom över 12 år,</li>
                <li>boende i familjehem eller bostad med särskild service för barn och
                ungdomar,</li>
                <li>bostad med särskild service för vuxna,</li>
                <li>daglig verksamhet.</li>
                </ul>
                <p>Behöver du personlig assistans mer än 20 timmar i veckan för dina
                grundläggande behov ansöker du om assistansersättning hos
                Försäkringskassan.</p>"""),
            steps(
                [
                    """<p>Skicka <a href="doc:VOF-201">Ansökan om insats enligt LSS</a>. För barn
                ansöker vårdnadshavarna.</p>""",
                    """<p>En LSS-handläggare utreder behovet och träffar dig. Handläggaren kan be om
                intyg från till exempel läkare eller psykolog.</p>""",
                    """<p>Du får ett skriftligt beslut. Du kan också begära en individuell plan,
                där vi tillsammans med dig samordnar dina insatser.</p>""",
                ],
                heading="Så ansöker du",
            ),
            heading("Vad kostar det?"),
            paragraph("""<p>Insatserna enligt LSS är gratis. Du betalar själv för hyra, mat och
                egna aktiviteter.</p>"""),
            heading("Om du inte är nöjd"),
            APPEAL,
            links(
                [
                    ("Försäkringskassan om assistansersättning", "https://www.forsakringskassan.se"),
                    ("Färdtjänst", "page:fardtjanst"),
                ],
                heading="Läs också",
            ),
        ],
        "contact_text": "Ring kontaktcenter och välj 1 i talsvaret för att prata med en LSS-handläggare.",
    },
}

# --- 2 Socialtjänst ---------------------------------------------------------------

EKONOMISKT_BISTAND = {
    "slug": "ekonomiskt-bistand",
    "title": "Ekonomiskt bistånd",
    "department": "Socialförvaltningen",
    "reviewed": dt.date(2026, 10, 13),
    "blanketter": ["SOC-101"],
    "faqs": ["bistand-ansoka"],
    "fields": {
        "leave_quickly": "show",
        "intro": t("""Ekonomiskt bistånd, eller försörjningsstöd, är ett tillfälligt stöd för
            dig som inte kan försörja dig själv eller få pengar på något annat sätt. Det ges
            enligt socialtjänstlagen."""),
        "body": [
            notice(
                """<p>Har du inga pengar till mat i dag? Ring kontaktcenter på
                08-465 004 00 och välj 2. Säg att det är akut, så gör vi en bedömning samma
                dag.</p>""",
                heading="Akut behov",
            ),
            heading("Vem kan få ekonomiskt bistånd?"),
            paragraph("""<p>Du kan få ekonomiskt bistånd om du och din familj inte kan klara
                era levnadskostnader på annat sätt. Det betyder att du först måste</p>
                <ul>
                <li>arbeta, om du kan, och vara inskriven på Arbetsförmedlingen och söka
                arbete,</li>
                <li>använda dina sparpengar och sälja tillgångar som du inte behöver, till
                exempel en bil,</li>
                <li>söka andra ersättningar du kan ha rätt till, till exempel a-kassa,
                sjukpenning, bostadsbidrag eller underhållsstöd.</li>
                </ul>
                <p>Om du är gift eller sambo räknar vi med båda era inkomster.</p>"""),
            heading("Vad kan du få bistånd till?"),
            paragraph("""<p>Försörjningsstödet ska räcka till det som ingår i riksnormen, som
                regeringen bestämmer varje år: mat, kläder och skor, hygien, fritid,
                förbrukningsvaror, telefon och dagstidning. Dessutom kan du få bistånd för
                skäliga kostnader för hyra, hushållsel, hemförsäkring, arbetsresor och
                fackavgift. Du kan också ansöka om bistånd till till exempel tandvård,
                glasögon eller möbler.</p>"""),
            steps(
                [
                    """<p>Ring kontaktcenter och välj 2 för att boka ett första besök hos en
                socialsekreterare.</p>""",
                    """<p>Ta med legitimation, hyresavtal, kontoutdrag från alla dina konton för de
                senaste tre månaderna, lönebesked och beslut om andra ersättningar.</p>""",
                    """<p>Därefter ansöker du varje månad med blanketten
                <a href="doc:SOC-101">Ansökan om ekonomiskt bistånd</a>, tillsammans med kvitton
                och underlag.</p>""",
                    """<p>Vi fattar beslut inom tio arbetsdagar från att din ansökan är komplett.
                Pengarna betalas in på ditt konto.</p>""",
                ],
                heading="Så ansöker du",
            ),
            heading("Om du inte är nöjd"),
            APPEAL,
            heading("Budget- och skuldrådgivning"),
            paragraph("""<p>Har du skulder eller svårt att få pengarna att räcka? Kommunens
                budget- och skuldrådgivare hjälper dig gratis att göra en budget, kontakta
                fordringsägare och ansöka om skuldsanering hos Kronofogden.</p>"""),
            links(
                [
                    ("Arbetsförmedlingen", "https://arbetsformedlingen.se"),
                    ("Försäkringskassan om bostadsbidrag", "https://www.forsakringskassan.se"),
                    ("Kronofogden om skuldsanering", "https://kronofogden.se"),
                ],
                heading="Läs också",
            ),
        ],
        "contact_text": "Ring kontaktcenter och välj 2 i talsvaret. Dina uppgifter skyddas av sekretess.",
    },
}

VALD = {
    "slug": "vald-i-nara-relationer",
    "title": "Stöd vid våld i nära relationer",
    "department": "Socialförvaltningen",
    "reviewed": dt.date(2026, 10, 13),
    "blanketter": [],
    "faqs": ["vald-vart"],
    "fields": {
        "leave_quickly": "show",
        "intro": t("""Blir du slagen, hotad, kontrollerad eller kränkt av någon du har eller har
            haft en nära relation med? Du är inte ensam, och du kan få hjälp."""),
        "body": [
            warning(
                """<p>Är du i akut fara: ring <b>112</b>. Kvällar, nätter och helger når du
                socialjouren på 08-465 004 99 eller genom 112.</p>""",
                heading="Akut fara",
            ),
            heading("Vem ringer du?"),
            paragraph("""<ul>
                <li><b>Akut fara:</b> ring 112.</li>
                <li><b>Vardagar 08.00–16.30:</b> socialförvaltningen, 08-465 004 10. Be att få
                prata med någon som arbetar med våld i nära relationer. Du kan också ringa
                kontaktcenter, 08-465 004 00, och välja 2.</li>
                <li><b>Kvällar, nätter och helger:</b> socialjouren, 08-465 004 99.</li>
                <li><b>Kvinnofridslinjen:</b> 020-50 50 50, dygnet runt. Samtalet är gratis, du
                kan vara anonym och numret syns inte på telefonräkningen.</li>
                <li><b>Barn och unga:</b> Bris, 116 111.</li>
                <li><b>Vill du anmäla ett brott?</b> Ring polisen på 114 14.</li>
                </ul>"""),
            notice(
                """<p>Är du orolig för att någon ser vilka sidor du läser? Knappen
                <b>Lämna sidan snabbt</b> högst upp tar dig direkt till en vädersajt. Läs gärna i
                ett privat fönster i webbläsaren, så sparas inte sidorna i historiken.</p>""",
                heading="Om någon kontrollerar din dator eller telefon",
            ),
            heading("Vad är våld i nära relationer?"),
            paragraph("""<p>Våld kan vara fysiskt, psykiskt, sexuellt eller ekonomiskt. Det kan
                vara att någon slår dig, hotar dig, kontrollerar vem du träffar, tar dina pengar
                eller tvingar dig till sex. Det kan också vara hedersrelaterat våld och förtryck,
                eller att någon förföljer eller övervakar dig digitalt. Våldet kan komma från en
                partner, ett ex, en förälder, ett barn eller en annan släkting.</p>"""),
            heading("Det här kan vi hjälpa dig med"),
            paragraph("""<ul>
                <li>samtal med en socialsekreterare som har särskild kunskap om våld,</li>
                <li>skyddat boende om du inte kan bo kvar hemma,</li>
                <li>stöd i kontakten med polis, sjukvård, Försäkringskassan och
                Skatteverket, till exempel om skyddade personuppgifter,</li>
                <li>stöd till barn som har upplevt våld,</li>
                <li>samtal för dig som har utövat våld och vill sluta.</li>
                </ul>
                <p>Stödet är gratis och gäller alla, oavsett kön, ålder och sexuell
                läggning.</p>"""),
            heading("Du kan vara anonym"),
            paragraph("""<p>Socialtjänsten har sekretess och tystnadsplikt. Du kan ringa och få
                råd utan att säga ditt namn. Om det finns barn som far illa måste vi ändå
                agera för att skydda dem.</p>"""),
            steps(
                [
                    """<p>Ring socialförvaltningen på 08-465 004 10 och be att få prata med
                någon som arbetar med våld i nära relationer.</p>""",
                    """<p>Vi bokar ett samtal, på en plats där du känner dig trygg.</p>""",
                    """<p>Tillsammans planerar vi vilket stöd du behöver, och vi gör en
                bedömning av hur vi kan skydda dig.</p>""",
                ],
                heading="Så får du hjälp",
            ),
            links(
                [
                    ("Kvinnofridslinjen, 020-50 50 50, stöd dygnet runt", "https://kvinnofridslinjen.se"),
                    ("Bris, för barn och unga", "https://www.bris.se"),
                    ("Polisen: gör en anmälan", "https://polisen.se"),
                    ("1177 om våld i nära relationer", "https://www.1177.se"),
                ],
                heading="Mer stöd",
            ),
        ],
        "contact_text": (
            "Socialförvaltningen, 08-465 004 10, vardagar 08.00–16.30. Kvällar, nätter och helger: "
            "socialjouren, 08-465 004 99. Kvinnofridslinjen, 020-50 50 50, dygnet runt. "
            "Vid akut fara: ring 112."
        ),
    },
}

FAMILJERADGIVNING = {
    "slug": "familjeradgivning",
    "title": "Familjerådgivning",
    "department": "Socialförvaltningen",
    "reviewed": dt.date(2026, 8, 31),
    "blanketter": [],
    "faqs": ["familjeradgivning-kostnad"],
    "fields": {
        "leave_quickly": "show",
        "intro": t("""Familjerådgivning är samtal för dig och din partner eller familj när ni
            har problem i relationen, till exempel konflikter, otrohet eller funderingar på att
            separera."""),
        "body": [
            heading("Vad händer i samtalen?"),
            paragraph("""<p>Ni träffar en familjerådgivare som är socionom eller psykolog och
                har särskild utbildning i par- och familjeterapi. Ni bestämmer själva vad ni vill
                prata om. Oftast träffas ni fem till tio gånger, i en och en halv timme. Du kan
                också komma ensam.</p>"""),
            heading("Sekretess"),
            paragraph("""<p>Familjerådgivarna har tystnadsplikt. Familjerådgivningen för inga
                journaler, och du kan vara anonym.</p>"""),
            heading("Vad kostar det?"),
            paragraph("""<p>Ett samtal kostar 150 kronor. Samtal som handlar om våld i
                relationen är gratis.</p>"""),
            steps(
                [
                    """<p>Ring socialförvaltningen på 08-465 004 10 eller mejla
                socialforvaltningen@exempelkommun.example och skriv att du vill boka
                familjerådgivning.</p>""",
                    """<p>Du får en tid, oftast inom tre veckor.</p>""",
                ],
                heading="Så bokar du",
            ),
            notice(
                """<p>Har ni separerat och behöver komma överens om barnen? Då kan ni få
                <b>samarbetssamtal</b> hos familjerätten. De är gratis.</p>""",
                heading="Samarbetssamtal",
            ),
        ],
        "contact_text": "Socialförvaltningen, 08-465 004 10.",
    },
}

OROSANMALAN = {
    "slug": "orosanmalan",
    "title": "Orosanmälan – om du är orolig för ett barn",
    "department": "Socialförvaltningen",
    "reviewed": dt.date(2026, 10, 13),
    "blanketter": ["SOC-201"],
    "faqs": ["orosanmalan-anonym"],
    "fields": {
        "leave_quickly": "show",
        "intro": t("""Är du orolig för att ett barn far illa? Gör en orosanmälan till
            socialtjänsten. Du behöver inte vara säker – det är vår uppgift att ta reda på hur
            barnet har det."""),
        "body": [
            warning(
                """<p>Är barnet i akut fara: ring <b>112</b>. Efter kontorstid når du
                socialjouren genom 112.</p>""",
                heading="Akut fara",
            ),
            heading("Vem kan göra en anmälan?"),
            paragraph("""<p>Alla kan göra en orosanmälan. Du som arbetar med barn, till
                exempel i förskola, skola, hälso- och sjukvård eller polisen, är skyldig att
                anmäla direkt om du misstänker att ett barn far illa. Som privatperson kan du
                vara anonym.</p>"""),
            steps(
                [
                    """<p>Ring socialförvaltningen på 08-465 004 10 och säg att du vill göra en
                orosanmälan.</p>""",
                    """<p>Eller skriv ner din oro i blanketten <a href="doc:SOC-201">Orosanmälan –
                anmälan om oro för barn</a> och skicka den till socialförvaltningen. Skicka inte
                känsliga uppgifter med vanlig e-post.</p>""",
                ],
                heading="Så gör du en anmälan",
            ),
            heading("Vad händer sedan?"),
            paragraph("""<p>Samma dag bedömer vi om barnet behöver skydd direkt. Inom 14 dagar
                beslutar vi om vi ska starta en utredning. En utredning är klar inom fyra
                månader. Vårdnadshavarna får veta att en anmälan har kommit in, men inte
                nödvändigtvis vem som har gjort den.</p>
                <p>Du som är yrkesverksam och har anmält kan få veta om vi har startat en
                utredning.</p>"""),
            links([("Bris, för barn och unga", "https://www.bris.se")], heading="Mer stöd"),
        ],
        "contact_text": "Socialförvaltningen, 08-465 004 10.",
    },
}

# --- 3 Förskola, skola, utbildning --------------------------------------------------

FORSKOLEPLATS = {
    "slug": "forskoleplats",
    "title": "Förskoleplats",
    "department": "Utbildningsförvaltningen",
    "reviewed": dt.date(2026, 11, 2),
    "blanketter": ["UTB-101", "UTB-103"],
    "faqs": ["forskola-nar", "forskola-kostnad", "forskola-uppsagning"],
    "fields": {
        "intro": t("""Alla barn från ett års ålder har rätt till en plats i förskolan. Ansök
            senast fyra månader innan du behöver platsen."""),
        "body": [
            heading("Vem kan få plats?"),
            paragraph("""<p>Barn som bor i Exempelkommun kan få plats i förskola från ett års
                ålder tills de börjar i förskoleklass. Om du arbetar eller studerar har barnet
                rätt till förskola den tid som behövs. Om du är föräldraledig eller arbetssökande
                har barnet rätt till förskola minst 15 timmar i veckan.</p>"""),
            steps(
                [
                    """<p>Ansök med blanketten <a href="doc:UTB-101">Ansökan om plats i
                förskola</a>, senast fyra månader innan du behöver platsen. Du kan önska
                upp till tre förskolor.</p>""",
                    """<p>Vi erbjuder en plats inom fyra månader. Syskon till barn som redan går på
                förskolan har förtur, i övrigt går vi efter ködatum.</p>""",
                    """<p>Du får erbjudandet med e-post eller brev. Svara inom tio dagar, annars går
                platsen till någon annan.</p>""",
                    """<p>Förskolan kontaktar dig om inskolningen, som oftast tar en till två
                veckor.</p>""",
                ],
                heading="Så ansöker du",
            ),
            heading("Vad kostar det?"),
            paragraph("""<p>Vi följer maxtaxan. Avgiften räknas på hushållets inkomst före
                skatt:</p>
                <ul>
                <li>yngsta barnet: 3 procent av inkomsten,</li>
                <li>barn två: 2 procent,</li>
                <li>barn tre: 1 procent,</li>
                <li>barn fyra och fler: ingen avgift.</li>
                </ul>
                <p>Avgiften har ett tak i kronor, som Skolverket räknar om varje år. Från hösten
                det år barnet fyller tre år ingår 525 timmar per år utan avgift (allmän
                förskola), så avgiften blir lägre.</p>
                <p>Lämna <a href="doc:UTB-103">Inkomstuppgift för förskola och fritidshem</a>
                när barnet börjar och när inkomsten ändras. Utan inkomstuppgift betalar du den
                högsta avgiften.</p>"""),
            heading("Säga upp platsen"),
            paragraph("""<p>Uppsägningstiden är en månad. Du betalar avgift under
                uppsägningstiden även om barnet inte är där.</p>"""),
            links([("Skolverket om maxtaxa", "https://www.skolverket.se")], heading="Mer information"),
        ],
        "contact_text": "Ring kontaktcenter och välj 3 i talsvaret om du har frågor om din ansökan.",
    },
}

SKOLSKJUTS = {
    "slug": "skolskjuts",
    "title": "Skolskjuts",
    "department": "Utbildningsförvaltningen",
    "reviewed": dt.date(2026, 11, 2),
    "blanketter": ["UTB-102"],
    "faqs": ["skolskjuts-ratt"],
    "fields": {
        "intro": t("""Elever i grundskolan och anpassade grundskolan kan få gratis skolskjuts
            om vägen till skolan är lång eller farlig, eller om eleven har en
            funktionsnedsättning."""),
        "body": [
            heading("Vem har rätt till skolskjuts?"),
            paragraph("""<p>Ditt barn kan få skolskjuts om avståndet mellan hemmet och skolan
                som kommunen har placerat barnet i är längre än</p>
                <ul>
                <li>2 kilometer i förskoleklass till årskurs 3,</li>
                <li>3 kilometer i årskurs 4–6,</li>
                <li>4 kilometer i årskurs 7–9.</li>
                </ul>
                <p>Vi mäter den kortaste gång- och cykelvägen. Barnet kan också få skolskjuts
                om vägen är trafikfarlig, om barnet har en funktionsnedsättning eller om det
                finns andra särskilda skäl. Bor barnet växelvis hos båda föräldrarna i
                kommunen kan barnet få skolskjuts från båda adresserna.</p>"""),
            paragraph("""<p>Har du valt en annan skola än den kommunen har placerat barnet i får
                barnet skolskjuts bara om det kan ordnas utan extra kostnad för
                kommunen.</p>"""),
            steps(
                [
                    """<p>Elever som bor längre bort än avståndsgränserna och går i den skola
                kommunen har placerat dem i får skolskjuts automatiskt. Du behöver inte
                ansöka.</p>""",
                    """<p>I andra fall ansöker du med <a href="doc:UTB-102">Ansökan om
                skolskjuts</a>, senast den 15 maj inför nästa läsår. Bifoga intyg om
                funktionsnedsättning om det är skälet.</p>""",
                    """<p>Du får beslut före sommarlovet och information om hållplats och tider i
                början av augusti.</p>""",
                ],
                heading="Så ansöker du",
            ),
            heading("Gymnasieelever"),
            paragraph("""<p>Gymnasieelever som har minst 6 kilometer till skolan får busskort
                för resor mellan hemmet och skolan. Kontakta din skola.</p>"""),
            heading("Om du inte är nöjd"),
            paragraph("""<p>Du kan överklaga beslutet. Hur du gör står i beslutet.</p>"""),
        ],
        "contact_text": "Ring kontaktcenter och välj 3 i talsvaret.",
    },
}

GYMNASIEVAL = {
    "slug": "gymnasieval",
    "title": "Gymnasieval",
    "department": "Utbildningsförvaltningen",
    "reviewed": dt.date(2026, 11, 2),
    "blanketter": [],
    "faqs": ["gymnasiet-nar"],
    "fields": {
        "intro": t("""I årskurs 9 söker du till gymnasiet. Här kan du läsa när du ska söka,
            vad som krävs för att komma in och vem som kan hjälpa dig att välja."""),
        "body": [
            heading("När söker du?"),
            paragraph("""<ul>
                <li><b>November–januari:</b> gymnasieskolorna har öppet hus.</li>
                <li><b>December–februari:</b> ansökan är öppen. Du söker på
                gymnasieantagningens webbplats med de inloggningsuppgifter du får i
                skolan.</li>
                <li><b>April:</b> preliminärt antagningsbesked.</li>
                <li><b>April–maj:</b> du kan ändra dina val.</li>
                <li><b>Början av juli:</b> slutligt antagningsbesked.</li>
                </ul>"""),
            heading("Vad krävs för att komma in?"),
            paragraph("""<p>För ett yrkesprogram behöver du godkända betyg i svenska eller
                svenska som andraspråk, engelska, matematik och fem andra ämnen. För ett
                högskoleförberedande program behöver du godkänt i svenska, engelska, matematik
                och nio andra ämnen. Har du inte behörighet kan du gå ett
                introduktionsprogram.</p>"""),
            heading("Få hjälp att välja"),
            paragraph("""<p>Studie- och yrkesvägledaren på din skola hjälper dig gärna. Du kan
                också ta med dina vårdnadshavare till ett samtal.</p>"""),
            heading("Resor och inackordering"),
            paragraph("""<p>Har du minst 6 kilometer till gymnasieskolan får du busskort. Går du
                i en kommunal skola så långt bort att du behöver bo på annan ort kan du ansöka om
                inackorderingstillägg hos oss. Går du i en fristående skola söker du i stället
                hos CSN.</p>"""),
            links(
                [
                    ("Skolverket om gymnasieskolan", "https://www.skolverket.se"),
                    ("CSN om inackorderingstillägg", "https://www.csn.se"),
                ],
                heading="Mer information",
            ),
        ],
        "contact_text": "Frågor om ansökan: kontakta studie- och yrkesvägledaren på din skola.",
    },
}

VUXENUTBILDNING = {
    "slug": "vuxenutbildning",
    "title": "Vuxenutbildning och sfi",
    "department": "Utbildningsförvaltningen",
    "reviewed": dt.date(2026, 9, 1),
    "blanketter": [],
    "faqs": [],
    "fields": {
        "intro": t("""Är du över 20 år kan du läsa grundskole- och gymnasiekurser, en
            yrkesutbildning eller svenska för invandrare (sfi) gratis på Komvux."""),
        "body": [
            heading("Det här kan du läsa"),
            paragraph("""<ul>
                <li>kurser på grundläggande nivå, som motsvarar grundskolan,</li>
                <li>kurser på gymnasial nivå, till exempel för att få behörighet till
                högskolan,</li>
                <li>yrkesutbildningar, till exempel inom vård och omsorg, bygg och
                restaurang,</li>
                <li>svenska för invandrare (sfi),</li>
                <li>Komvux som anpassad utbildning, för dig med intellektuell
                funktionsnedsättning.</li>
                </ul>"""),
            steps(
                [
                    """<p>Prata med en studie- och yrkesvägledare på Komvux, som hjälper dig att
                planera dina studier.</p>""",
                    """<p>Sök kursen. Vi har antagning flera gånger per år, och sfi kan du börja
                löpande.</p>""",
                    """<p>Du får ett antagningsbesked med e-post. Sfi ska du kunna börja inom tre
                månader.</p>""",
                ],
                heading="Så söker du",
            ),
            heading("Vad kostar det?"),
            paragraph("""<p>Utbildningen är gratis. Du kan behöva köpa egna böcker. Du kan
                ansöka om studiemedel hos CSN.</p>"""),
            links([("CSN om studiemedel", "https://www.csn.se")], heading="Mer information"),
        ],
        "contact_text": "Ring kontaktcenter och välj 3 i talsvaret.",
    },
}

# --- 4 Bygg och miljö, vägar, vatten, avlopp, avfall --------------------------------

BYGGLOV = {
    "slug": "bygglov",
    "title": "Bygglov",
    "department": "Bygg och miljö",
    "reviewed": dt.date(2026, 10, 20),
    "blanketter": ["BOM-101"],
    "faqs": ["altan-bygglov", "bygglov-tid"],
    "fields": {
        "intro": t("""Ska du bygga nytt, bygga till eller ändra användningen av en byggnad
            behöver du oftast bygglov. Ansök i god tid och vänta med att bygga tills du har fått
            startbesked."""),
        "body": [
            heading("När behöver du bygglov?"),
            paragraph("""<p>Du behöver oftast bygglov för att</p>
                <ul>
                <li>bygga ett nytt hus, en carport eller ett garage,</li>
                <li>bygga till ett hus,</li>
                <li>ändra användningen av en byggnad, till exempel göra en lokal till
                bostad,</li>
                <li>byta fasad, färg eller taktäckning på ett sätt som ändrar husets karaktär,
                om huset ligger inom en detaljplan,</li>
                <li>sätta upp ett plank eller en mur.</li>
                </ul>
                <p>För en friggebod på högst 15 kvadratmeter behövs inget lov. För ett
                attefallshus på högst 30 kvadratmeter räcker det med en anmälan, men du måste
                få startbesked innan du börjar bygga. Fråga oss om du är osäker.</p>"""),
            steps(
                [
                    """<p><b>Få råd före ansökan.</b> Besök bygglovsexpeditionen i kontaktcenter
                eller ring 08-465 004 45. Rådgivningen är gratis.</p>""",
                    """<p><b>Skicka ansökan.</b> Fyll i <a href="doc:BOM-101">Ansökan om bygglov,
                rivningslov och marklov</a> och bifoga ritningar, situationsplan och
                fasadritningar.</p>""",
                    """<p><b>Bekräftelse.</b> Inom tre veckor får du veta att vi har tagit emot
                ansökan, eller vad som saknas.</p>""",
                    """<p><b>Beslut.</b> Vi fattar beslut inom tio veckor från att ansökan är
                komplett. Om ärendet är särskilt komplicerat kan vi förlänga tiden en gång, med
                högst tio veckor. Grannar kan få yttra sig.</p>""",
                    """<p><b>Startbesked.</b> Du får inte börja bygga förrän du har fått
                startbesked. Ofta får du det samtidigt som bygglovet.</p>""",
                    """<p><b>Slutbesked.</b> När bygget är klart ska du ha slutbesked innan du börjar
                använda byggnaden.</p>""",
                ],
                heading="Så går det till",
            ),
            heading("Vad kostar det?"),
            paragraph("""<p>Avgiften följer kommunens plan- och bygglovstaxa och beror på hur
                stort och komplicerat projektet är. Ett bygglov för ett nytt enbostadshus
                kostar ofta 25 000–40 000 kronor. Om vi inte fattar beslut inom tidsfristen sänks
                avgiften med en femtedel för varje påbörjad vecka som vi är sena.</p>"""),
            heading("När gäller bygglovet?"),
            paragraph("""<p>Beslutet kungörs i Post- och inrikes tidningar. Den som berörs kan
                överklaga inom fyra veckor efter kungörelsen. Bygger du innan beslutet har vunnit
                laga kraft gör du det på egen risk. Bygglovet upphör att gälla om du inte har
                börjat bygga inom två år och är klar inom fem år från att beslutet vann laga
                kraft.</p>"""),
            links([("Boverket om bygglov", "https://www.boverket.se")], heading="Mer information"),
        ],
        "contact_text": t("""Bygglovsexpeditionen finns i kontaktcenter i Stadshuset. Ring
            08-465 004 45 för att boka tid med en bygglovshandläggare."""),
    },
}

FELANMALAN = {
    "slug": "felanmalan-gata-och-belysning",
    "title": "Felanmälan gata och belysning",
    "department": "Teknik",
    "reviewed": dt.date(2026, 11, 9),
    "blanketter": ["TEK-101"],
    "faqs": ["gatlampa"],
    "fields": {
        "intro": t("""Har du sett ett hål i gatan, en trasig gatlampa eller en skadad lekplats?
            Anmäl felet till oss, så åtgärdar vi det."""),
        "body": [
            warning(
                f"""<p>Är felet farligt, till exempel en nedriven ledning, ett djupt hål i
                gatan eller en trafiksignal som inte fungerar? Ring teknisk jour på
                <b>{JOUR}</b>, dygnet runt. Är någon skadad: ring <b>112</b>.</p>""",
                heading="Akuta fel",
            ),
            heading("Det här kan du anmäla till oss"),
            paragraph("""<ul>
                <li>trasig gatubelysning,</li>
                <li>hål och skador i gator, gång- och cykelvägar,</li>
                <li>skadade eller nedfallna skyltar,</li>
                <li>fel på lekplatser, parkbänkar och papperskorgar,</li>
                <li>klotter på kommunens anläggningar,</li>
                <li>träd och buskar som skymmer sikten.</li>
                </ul>"""),
            steps(
                [
                    """<p>Fyll i <a href="doc:TEK-101">Felanmälan gata, park och belysning</a> eller
                ring kontaktcenter och välj 4.</p>""",
                    """<p>Tala om var felet finns, så exakt du kan: adress, närmaste korsning eller
                numret på lyktstolpen.</p>""",
                    """<p>Lämna gärna telefonnummer eller e-post, så kan vi ställa frågor och berätta
                när felet är åtgärdat.</p>""",
                ],
                heading="Så gör du en felanmälan",
            ),
            heading("Hur snabbt åtgärdar vi felet?"),
            paragraph("""<p>Fel som är farliga åtgärdar eller spärrar vi av samma dygn. Hål i
                gatan lagar vi oftast inom en vecka och trasig gatubelysning inom två veckor.
                Under vintern kan det ta längre tid att laga hål i asfalten.</p>"""),
            heading("Vägar som inte är kommunens"),
            paragraph("""<p>Större genomfartsvägar är statliga. Fel på dem anmäler du till
                Trafikverket. Enskilda vägar sköts av en vägförening eller samfällighet, som du
                kontaktar direkt.</p>"""),
            links(
                [
                    ("Larm och felanmälan", "page:larm-och-felanmalan"),
                    ("Trafikverket: felanmälan på statliga vägar", "https://www.trafikverket.se"),
                ],
                heading="Läs också",
            ),
        ],
        "contact_text": f"Teknik, 08-465 004 40. Akuta fel dygnet runt: teknisk jour {JOUR}.",
    },
}

VATTEN_OCH_AVLOPP = {
    "slug": "vatten-och-avlopp",
    "title": "Vatten och avlopp",
    "department": "Teknik",
    "reviewed": dt.date(2026, 9, 29),
    "blanketter": ["BOM-102"],
    "faqs": ["vatten-borta"],
    "fields": {
        "intro": t("""Kommunen levererar dricksvatten och tar hand om avloppsvatten och
            dagvatten för de flesta hushåll. Här kan du läsa vad du gör vid en vattenläcka,
            hur din vattenmätare ska skyddas och vad vatten och avlopp kostar."""),
        "body": [
            warning(
                f"""<p>Ser du en vattenläcka, eller saknar flera hushåll vatten? Ring
                teknisk jour på <b>{JOUR}</b>, dygnet runt.</p>""",
                heading="Vattenläcka",
            ),
            heading("Avbrott i vattnet"),
            paragraph("""<p>När vi behöver stänga av vattnet för ett planerat arbete får de som
                berörs information några dagar innan, med sms eller lapp i brevlådan. Vid
                oplanerade avbrott, till exempel läckor, ställer vi ofta ut en vattentank i
                närheten. Om vattnet behöver kokas meddelar vi det här på webbplatsen och med
                sms till dem som berörs.</p>"""),
            heading("Din vattenmätare"),
            paragraph("""<p>Vattenmätaren tillhör kommunen, men du ansvarar för att den inte
                fryser eller skadas. Se till att utrymmet där mätaren sitter är uppvärmt under
                vintern. En frusen mätare får du betala för.</p>"""),
            heading("Vad kostar det?"),
            paragraph("""<p>Du betalar enligt kommunens VA-taxa: en fast avgift per år och en
                rörlig avgift för den mängd vatten du använder. Fakturan kommer fyra gånger om
                året. Avgifterna betalar hela verksamheten; de går inte till annat än vatten och
                avlopp.</p>"""),
            heading("Eget avlopp"),
            paragraph("""<p>Har du ett hus som inte är anslutet till det kommunala avloppet
                behöver du tillstånd för att bygga eller ändra ditt avlopp. Ansök med
                <a href="doc:BOM-102">Ansökan om tillstånd för enskild avloppsanläggning</a>
                hos Bygg och miljö.</p>"""),
            notice(
                """<p>Häll aldrig fett, olja eller kemikalier i avloppet, och spola bara ner
                kiss, bajs och toalettpapper. Annat kan orsaka stopp och översvämningar.</p>""",
                heading="Tänk på vad du spolar ner",
            ),
        ],
        "contact_text": f"Teknik, 08-465 004 40. Vattenläcka eller avbrott: teknisk jour {JOUR}.",
    },
}

SOPHAMTNING = {
    "slug": "sophamtning-och-atervinning",
    "title": "Sophämtning och återvinning",
    "department": "Teknik",
    "reviewed": dt.date(2026, 11, 9),
    "blanketter": ["TEK-104"],
    "faqs": ["sopor-nar"],
    "fields": {
        "intro": t("""Kommunen hämtar mat- och restavfall hos alla hushåll. Förpackningar,
            tidningar, grovavfall och farligt avfall lämnar du på återvinningsstationer och
            återvinningscentralen."""),
        "body": [
            heading("Sortera ditt avfall"),
            paragraph("""<ul>
                <li><b>Matavfall</b> lägger du i en brun papperspåse i kärlet för matavfall. Du
                får påsarna gratis.</li>
                <li><b>Restavfall</b> är det som blir kvar när du har sorterat ut allt annat.</li>
                <li><b>Förpackningar och tidningar</b> lämnar du vid en återvinningsstation,
                eller i ditt fyrfackskärl om du har ett.</li>
                <li><b>Grovavfall, elavfall och farligt avfall</b>, som färg, batterier och
                lysrör, lämnar du på återvinningscentralen. Det är gratis för hushåll.</li>
                </ul>"""),
            heading("Hämtning vid villor och fritidshus"),
            paragraph("""<p>Vi hämtar mat- och restavfall varannan vecka. Ställ kärlet vid
                tomtgränsen med handtaget utåt senast klockan 06.00 på hämtdagen, och se till
                att locket går att stänga. Om kärlet inte har tömts, anmäl det till
                kontaktcenter senast dagen efter.</p>"""),
            heading("Ändra ditt abonnemang"),
            paragraph("""<p>Du kan byta kärlstorlek, dela kärl med en granne eller få uppehåll
                i hämtningen om huset står tomt i minst sex månader. Använd blanketten
                <a href="doc:TEK-104">Ändring av avfallsabonnemang</a>.</p>"""),
            heading("Återvinningscentralen"),
            paragraph("""<p>Återvinningscentralen ligger på Verkstadsvägen 10. Den har öppet
                måndag–torsdag 10.00–19.00 och lördag 09.00–15.00.</p>"""),
            links(
                [("Felanmälan gata och belysning", "page:felanmalan-gata-och-belysning")], heading="Läs också"
            ),
        ],
        "contact_text": "Frågor om sophämtning och fakturor: ring kontaktcenter och välj 4.",
    },
}

PARKERINGSTILLSTAND = {
    "slug": "parkeringstillstand",
    "title": "Parkeringstillstånd för rörelsehindrade",
    "department": "Teknik",
    "reviewed": dt.date(2026, 8, 24),
    "blanketter": ["TEK-102", "TEK-103"],
    "faqs": [],
    "fields": {
        "intro": t("""Har du svårt att gå på grund av en funktionsnedsättning kan du få
            parkeringstillstånd, så att du kan parkera nära dit du ska."""),
        "body": [
            heading("Vem kan få tillstånd?"),
            paragraph("""<p>Du kan få parkeringstillstånd som <b>förare</b> om du har en
                funktionsnedsättning som gör att du har väsentliga svårigheter att förflytta
                dig på egen hand. Du kan få tillstånd som <b>passagerare</b> om du dessutom
                behöver förarens hjälp utanför bilen och inte kan lämnas ensam medan föraren
                parkerar.</p>"""),
            steps(
                [
                    """<p>Fyll i <a href="doc:TEK-102">Ansökan om parkeringstillstånd för
                rörelsehindrade</a> och klistra fast ett foto.</p>""",
                    """<p>Be din läkare fylla i <a href="doc:TEK-103">Läkarintyg för
                parkeringstillstånd</a>.</p>""",
                    """<p>Skicka in allt till Teknik. Handläggningen tar ungefär fyra veckor.</p>""",
                    """<p>Får du tillstånd skickar vi kortet hem till dig.</p>""",
                ],
                heading="Så ansöker du",
            ),
            heading("Vad kostar det och hur länge gäller det?"),
            paragraph("""<p>Tillståndet är gratis. Det gäller för en begränsad tid, oftast ett
                till fem år, beroende på din funktionsnedsättning. Det gäller i hela Sverige och
                i de flesta europeiska länder. Sätt kortet väl synligt i vindrutan.</p>"""),
            APPEAL,
        ],
        "contact_text": "Teknik, 08-465 004 40.",
    },
}

# --- 5 Kultur och fritid ---------------------------------------------------------------

BIBLIOTEK = {
    "slug": "bibliotek",
    "title": "Bibliotek",
    "department": "Kultur- och fritidsförvaltningen",
    "reviewed": dt.date(2026, 10, 27),
    "blanketter": [],
    "faqs": ["lanekort"],
    "fields": {
        "intro": t("""På biblioteken kan du låna böcker, ljudböcker och filmer, läsa tidningar,
            använda datorer och få hjälp att hitta information. Allt är gratis."""),
        "body": [
            heading("Våra bibliotek"),
            paragraph("""<ul>
                <li><b>Stadsbiblioteket</b> i Kulturhuset, Torget 3, Exempelstad,</li>
                <li><b>Norrby bibliotek</b> i Norrby centrum,</li>
                <li><b>Sjöviks bibliotek</b> i Sjöviks skola.</li>
                </ul>
                <p>Med meröppet kan du använda Stadsbiblioteket 06.00–22.00 alla dagar, även när
                personalen inte är där. Du behöver lånekort och en pinkod.</p>"""),
            heading("Låna"),
            paragraph("""<p>Lånekortet är gratis. Visa legitimation när du skaffar det. Barn
                under 18 år behöver en vårdnadshavares underskrift. Du lånar i fyra veckor och
                kan låna om tre gånger, om ingen annan har reserverat. Vi tar inte ut
                förseningsavgifter, men om du tappar bort något får du betala för det.</p>
                <p>Med lånekortet kan du också låna e-böcker och e-ljudböcker i appen.</p>"""),
            heading("Om du inte kan komma till biblioteket"),
            paragraph("""<p>Har du svårt att ta dig till biblioteket på grund av sjukdom eller
                funktionsnedsättning kan du få böcker hemkörda med tjänsten Boken kommer. Har du
                svårt att läsa tryckt text kan du låna talböcker, bland annat via
                Legimus.</p>"""),
            links([("Legimus: talböcker", "https://www.legimus.se")], heading="Mer information"),
        ],
        "contact_text": "Stadsbiblioteket, Kulturhuset, Torget 3. Telefon 08-465 004 55.",
    },
}

FORENINGSBIDRAG = {
    "slug": "foreningsbidrag",
    "title": "Föreningsbidrag",
    "department": "Kultur- och fritidsförvaltningen",
    "reviewed": dt.date(2026, 9, 15),
    "blanketter": ["KOF-101"],
    "faqs": ["foreningsbidrag-nar"],
    "fields": {
        "intro": t("""Kommunen ger bidrag till ideella föreningar, särskilt till dem som har
            verksamhet för barn och unga."""),
        "body": [
            heading("Vilka föreningar kan få bidrag?"),
            paragraph("""<p>Föreningen ska</p>
                <ul>
                <li>vara ideell, demokratiskt uppbyggd och ha sitt säte i kommunen,</li>
                <li>ha minst tio medlemmar och en styrelse,</li>
                <li>vara registrerad i kommunens föreningsregister.</li>
                </ul>"""),
            heading("Bidrag du kan söka"),
            paragraph("""<ul>
                <li><b>Aktivitetsstöd</b> för aktiviteter med barn och unga 7–25 år. Sök senast
                den 25 februari för hösten året innan och senast den 25 augusti för
                våren.</li>
                <li><b>Verksamhetsbidrag.</b> Sök senast den 31 mars.</li>
                <li><b>Startbidrag</b> för nya föreningar. Sök när som helst.</li>
                <li><b>Arrangemangsbidrag</b> för kulturarrangemang som är öppna för alla. Sök
                senast åtta veckor före arrangemanget.</li>
                </ul>"""),
            steps(
                [
                    """<p>Fyll i <a href="doc:KOF-101">Ansökan om föreningsbidrag</a>.</p>""",
                    """<p>Bifoga verksamhetsberättelse, ekonomisk redovisning och
                revisionsberättelse från det senaste årsmötet.</p>""",
                    """<p>Kultur- och fritidsnämnden beslutar. Bidraget betalas ut ungefär sex
                veckor efter sista ansökningsdag.</p>""",
                ],
                heading="Så ansöker ni",
            ),
        ],
        "contact_text": "Kultur- och fritidsförvaltningen, 08-465 004 50.",
    },
}

LOKALBOKNING = {
    "slug": "lokalbokning",
    "title": "Lokalbokning",
    "department": "Kultur- och fritidsförvaltningen",
    "reviewed": dt.date(2026, 9, 15),
    "blanketter": ["KOF-102"],
    "faqs": ["idrottshall-boka"],
    "fields": {
        "intro": t("""Föreningar, företag och privatpersoner kan hyra kommunens idrottshallar,
            gymnastiksalar, konstgräsplaner och samlingslokaler."""),
        "body": [
            heading("Fasta tider eller enstaka tillfällen"),
            paragraph("""<p>Föreningar som vill ha samma tid varje vecka ansöker om
                säsongsbokning: senast den 1 april för hösten och senast den 1 oktober för
                våren. Föreningar med verksamhet för barn och unga får sina tider först.</p>
                <p>Lediga enstaka tider kan alla boka när som helst.</p>"""),
            steps(
                [
                    """<p>Ansök med <a href="doc:KOF-102">Ansökan om lokalbokning</a>, eller ring
                kontaktcenter och välj 5.</p>""",
                    """<p>Du får en bokningsbekräftelse och information om hur du får nyckel eller
                tagg.</p>""",
                    """<p>Fakturan kommer i efterhand.</p>""",
                ],
                heading="Så bokar du",
            ),
            heading("Vad kostar det?"),
            paragraph("""<p>Priset följer kultur- och fritidsnämndens taxa. Föreningar med
                verksamhet för barn och unga under 20 år betalar lägst avgift. Avbokar du senare
                än sju dagar före får du betala för tiden.</p>"""),
        ],
        "contact_text": "Ring kontaktcenter och välj 5 i talsvaret.",
    },
}

# --- 9 Allmänna frågor ---------------------------------------------------------------

LARM = {
    "slug": "larm-och-felanmalan",
    "title": "Larm och felanmälan",
    "department": "Teknik",
    "reviewed": dt.date(2026, 11, 9),
    "blanketter": ["TEK-101"],
    "faqs": ["vatten-borta", "gatlampa"],
    "fields": {
        "intro": t("""Vid nödsituation: ring 112. Här hittar du också vart du vänder dig med
            akuta fel på vatten, avlopp, gator och belysning, dygnet runt."""),
        "body": [
            warning(
                """<p>Ring <b>112</b> vid brand, olycka, akut sjukdom eller brott som
                pågår, när det är bråttom att få hjälp av ambulans, polis eller
                räddningstjänst.</p>""",
                heading="Nödsituation: ring 112",
            ),
            heading("Teknisk jour, dygnet runt"),
            paragraph(f"""<p>Ring teknisk jour på <b>{JOUR}</b> om det är akut och inte kan
                vänta till nästa vardag, till exempel</p>
                <ul>
                <li>vattenläcka eller inget vatten (VA-jour),</li>
                <li>stopp eller översvämning i det kommunala avloppet,</li>
                <li>farliga hål i gatan eller nedfallna träd över vägen,</li>
                <li>trafiksignaler som inte fungerar,</li>
                <li>gatubelysning som är släckt på en hel gata.</li>
                </ul>"""),
            heading("Fel som kan vänta"),
            paragraph("""<p>Enstaka trasiga gatlampor, skador på lekplatser och klotter
                anmäler du under kontorstid. Se
                <a href="page:felanmalan-gata-och-belysning">Felanmälan gata och
                belysning</a>.</p>"""),
            heading("Andra nummer"),
            paragraph("""<ul>
                <li><b>114 14</b> – Polisen, när det inte är akut.</li>
                <li><b>1177</b> – Vårdguiden, sjukvårdsrådgivning dygnet runt.</li>
                <li>Socialjouren efter kontorstid når du genom <b>112</b>.</li>
                </ul>"""),
            heading("Viktigt meddelande till allmänheten"),
            paragraph("""<p>Utomhuslarmet, ”Hesa Fredrik”, testas klockan 15.00 den första
                helgfria måndagen i mars, juni, september och december. Hör du signalen någon
                annan gång: gå inomhus, stäng dörrar, fönster och ventilation och lyssna på
                Sveriges Radio P4.</p>"""),
            links(
                [
                    ("Felanmälan gata och belysning", "page:felanmalan-gata-och-belysning"),
                    ("Vatten och avlopp", "page:vatten-och-avlopp"),
                    ("Krisinformation.se", "https://www.krisinformation.se"),
                ],
                heading="Läs också",
            ),
        ],
        "contact_text": f"Teknisk jour, dygnet runt: {JOUR}. Vid nödsituation: 112.",
    },
}

SYNPUNKTER = {
    "slug": "synpunkter-och-klagomal",
    "title": "Synpunkter och klagomål",
    "department": "Kontaktcenter",
    "reviewed": dt.date(2026, 10, 1),
    "blanketter": ["KS-101"],
    "faqs": ["synpunkt-lamna"],
    "fields": {
        "intro": t("""Vad tycker du om kommunens service? Dina synpunkter hjälper oss att bli
            bättre. Du kan lämna beröm, förslag och klagomål, och du kan vara anonym."""),
        "body": [
            steps(
                [
                    """<p>Skriv ner vad det gäller, vilken verksamhet och gärna när det hände.</p>""",
                    """<p>Skicka blanketten <a href="doc:KS-101">Synpunkter och klagomål</a>, mejla
                kontaktcenter@exempelkommun.example, ring 08-465 004 00 eller kom till
                kontaktcenter i Stadshuset.</p>""",
                    """<p>Vi skickar din synpunkt till den verksamhet som ansvarar. Har du lämnat
                kontaktuppgifter får du svar inom tio arbetsdagar.</p>""",
                ],
                heading="Så lämnar du en synpunkt",
            ),
            heading("Vad händer med din synpunkt?"),
            paragraph("""<p>Alla synpunkter registreras och blir allmänna handlingar. Vi
                sammanställer dem varje år, så att nämnderna kan se vad som behöver bli bättre.
                Uppgifter som omfattas av sekretess, till exempel om din hälsa, lämnas inte
                ut.</p>"""),
            notice(
                """<p>Vill du ändra ett beslut som gäller dig, till exempel om bistånd eller
                bygglov? Då ska du överklaga beslutet. Hur du gör står i beslutet.</p>""",
                heading="Synpunkt eller överklagande?",
            ),
            heading("Andra vägar"),
            paragraph("""<p>Klagomål på vård och omsorg kan du också lämna till Inspektionen för
                vård och omsorg (IVO). Tycker du att en myndighet har behandlat dig fel kan du
                vända dig till Justitieombudsmannen (JO).</p>"""),
            links(
                [
                    ("Inspektionen för vård och omsorg", "https://www.ivo.se"),
                    ("Justitieombudsmannen", "https://www.jo.se"),
                ],
                heading="Mer information",
            ),
        ],
        "contact_text": "Kontaktcenter tar emot synpunkter på telefon, e-post och vid besök.",
    },
}

ALLMANNA_HANDLINGAR = {
    "slug": "allmanna-handlingar",
    "title": "Allmänna handlingar",
    "department": "Kommunledningsförvaltningen",
    "reviewed": dt.date(2026, 10, 1),
    "blanketter": ["KS-102"],
    "faqs": ["allmanna-handlingar"],
    "fields": {
        "intro": t("""Alla har rätt att ta del av kommunens allmänna handlingar, till exempel
            protokoll, beslut och brev. Det kallas offentlighetsprincipen."""),
        "body": [
            heading("Vad är en allmän handling?"),
            paragraph("""<p>En handling är allmän när den finns hos kommunen och har kommit in
                till oss eller har upprättats av oss. Det kan vara papper, e-post, bilder eller
                filer. Utkast och minnesanteckningar är oftast inte allmänna handlingar.</p>"""),
            steps(
                [
                    """<p>Kontakta den förvaltning som har handlingen, eller kommunledningsförvaltningens
                registratur på 08-465 004 60 eller kommunledning@exempelkommun.example. Du kan
                också använda blanketten <a href="doc:KS-102">Begäran om att ta del av allmän
                handling</a>.</p>""",
                    """<p>Du behöver inte tala om vem du är eller varför du vill ha handlingen.</p>""",
                    """<p>Vi prövar om något i handlingen omfattas av sekretess och lämnar ut den så
                snart som möjligt, oftast samma dag eller inom några dagar.</p>""",
                ],
                heading="Så begär du ut en handling",
            ),
            heading("Vad kostar det?"),
            paragraph("""<p>Du kan läsa handlingen hos oss gratis. Kopior är gratis upp till nio
                sidor. Från och med tionde sidan kostar det 50 kronor, och 2 kronor för varje
                sida därefter.</p>"""),
            heading("Om vi säger nej"),
            paragraph("""<p>Om vi inte lämnar ut hela eller delar av en handling får du ett
                skriftligt beslut om du begär det. Beslutet kan du överklaga till
                kammarrätten.</p>"""),
        ],
        "contact_text": "Kommunledningsförvaltningens registratur, 08-465 004 60.",
    },
}

# --- The service area pages, in phone-menu order ----------------------------------

AREA_PAGES = [
    {
        "area": 1,
        "slug": "aldreomsorg-och-funktionsnedsattning",
        "title": "Äldreomsorg och funktionsnedsättning",
        "intro": t("""Stöd för dig som är äldre eller har en funktionsnedsättning, och för dig
            som är anhörig: hemtjänst, särskilt boende, färdtjänst och stöd enligt LSS. I
            talsvaret väljer du 1."""),
        "services": [HEMTJANST, SARSKILT_BOENDE, FARDTJANST, LSS],
    },
    {
        "area": 2,
        "slug": "socialtjanst",
        "title": "Socialtjänst",
        "intro": t("""Ekonomiskt bistånd, stöd till barn och familjer, familjerådgivning och
            stöd vid våld i nära relationer. Du kan alltid vara anonym när du ber om råd. I
            talsvaret väljer du 2."""),
        "services": [EKONOMISKT_BISTAND, VALD, FAMILJERADGIVNING, OROSANMALAN],
        "leave_quickly": "show",
    },
    {
        "area": 3,
        "slug": "forskola-skola-och-utbildning",
        "title": "Förskola, skola, utbildning",
        "intro": t("""Förskola, grundskola, skolskjuts, gymnasieval och vuxenutbildning. I
            talsvaret väljer du 3."""),
        "services": [FORSKOLEPLATS, SKOLSKJUTS, GYMNASIEVAL, VUXENUTBILDNING],
    },
    {
        "area": 4,
        "slug": "bygg-miljo-vagar-vatten-och-avfall",
        "title": "Bygg och miljö, vägar, vatten, avlopp, avfall",
        "intro": t("""Bygglov, felanmälan på gator och belysning, vatten och avlopp,
            sophämtning och parkeringstillstånd. I talsvaret väljer du 4."""),
        "services": [BYGGLOV, FELANMALAN, VATTEN_OCH_AVLOPP, SOPHAMTNING, PARKERINGSTILLSTAND],
    },
    {
        "area": 5,
        "slug": "kultur-och-fritid",
        "title": "Kultur och fritid",
        "intro": t("""Bibliotek, bidrag till föreningar och bokning av idrottshallar och
            lokaler. I talsvaret väljer du 5."""),
        "services": [BIBLIOTEK, FORENINGSBIDRAG, LOKALBOKNING],
    },
    {
        "area": 9,
        "slug": "allmanna-fragor",
        "title": "Allmänna frågor",
        "intro": t("""Larm och felanmälan, synpunkter och klagomål, allmänna handlingar och
            andra frågor om kommunen. I talsvaret väljer du 9."""),
        "services": [LARM, SYNPUNKTER, ALLMANNA_HANDLINGAR],
    },
]
