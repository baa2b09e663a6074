"""The vocabulary of personal names that several parts share: the titles before a name.

The persons pass takes a name after a title and leaves the title out of the span; the
register's harvester strips the same titles from the names it reads in a notes section.
"""
from __future__ import annotations

#: words before a name that say a person follows; never part of the persName span
TITLES = ("Comrade", "Comrades", "General", "Gen.", "Marshal", "Admiral", "Colonel", "Col.", "Captain", "Capt.",
          "Capt", "Lieutenant", "Lieut.", "Lieut", "Lt.", "Major", "Maj.", "Sergeant", "Sergt.",
          "Sgt.", "Corporal", "Private",
          "Commissar", "President", "Pres.", "Premier", "Minister", "Senator", "Sen.", "Governor", "Gov.",
          "Judge", "Justice", "Chief", "Professor", "Prof.", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Messrs.",
          "Miss", "Ms.", "Mme.", "Mlle.", "M.", "MM.", "Drs.", "Monsieur", "Madame", "Mademoiselle", "Herr", "Frau",
          "Citizen", "Sir", "Dame", "Lord", "Lady", "Hon.", "Honourable", "Honorable", "Rev.", "Reverend",
          "Elder", "Bishop", "Archbishop", "Cardinal", "Pope", "Father", "Brother", "Bro.", "Sister", "Saint",
          "Tsar", "Czar", "King", "Queen", "Emperor", "Empress", "Prince", "Princess", "Duke", "Duchess",
          "Count", "Countess", "Baron", "Baroness", "Earl", "Don", "Doña", "Señor", "Senor", "Signor",
          "Mister", "Squire", "Doctor", "Deacon", "Apostle", "Prophet", "Attorney", "Marquis", "Viscount",
          "Sheriff", "Deputy", "Secretary", "Commodore", "Commander", "Mayor", "Ambassador",
          "Chancellor", "Rabbi", "Vicar", "Parson", "Sultan", "Surgeon", "Excellency",
          # a town's and a county's officers, as newspapers title them (`County Clerk Quillet`,
          # `Patrolman Quillet`, `Architect O. Pellworth`)
          "Clerk", "Recorder", "Officer", "Patrolman", "Policeman", "Detective", "Constable", "Coroner",
          "Alderman", "Councilman", "Auditor", "Treasurer", "Assessor", "Supervisor", "Superintendent",
          "Inspector", "Commissioner", "Postmaster", "Postmistress", "Warden", "Architect",
          # a letter's kin and a regiment's ranks, as soldiers wrote them
          "Uncle", "Aunt", "Cousin", "Col", "Gen", "Genl.", "Genl", "Maj", "Sergt", "Corp.", "Corpl.", "Corpl",
          # the ranks as journal keepers spelt them, and their plurals before two names (`Captains Quillet & Osric`)
          "Serjeant", "Serjt.", "Serjt", "Serj.", "Sgt", "Sergts.", "Sergeants", "Serjeants", "Captains",
          "Adjt.", "Adjutant", "Chaplain", "Atty.", "Atty", "Solicitor",
          # a court paper's `Hon` without its stop, and the status it puts before a name
          # (`the said Negro Hannah`, `Widow Quillet`)
          "Hon", "Negro", "Negress", "Mulatto", "Widow")
#: debates and lists print the abbreviated titles in capitals too (`HON. MR. QUILLET`), and
#: `SIR`; a word title in capitals may be a heading's word (`PRIVATE PROPERTY`)
TITLES += tuple(sorted({title.upper() for title in TITLES if title.endswith(".")} - set(TITLES))) + ("SIR",)
