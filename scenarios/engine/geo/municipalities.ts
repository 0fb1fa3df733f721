/**
 * Belgian municipalities as of 2020 (before the 2025 mergers; after the 2019 ones): a selection of 125 covering
 * every province and region — all provincial capitals, the 19 Brussels municipalities, German-speaking
 * municipalities and Herstappe, the smallest, which has no OCMW of its own.
 *
 * The facts are official public data: NIS codes and names from Statbel's geographical classification, population
 * on 1 January 2020 (Statbel). The table itself was written for this project. `postcode` is the main postcode of
 * the municipality (the one of its centre).
 */

export type Region = 'flanders' | 'wallonia' | 'brussels';

export type Province =
  | 'Antwerpen'
  | 'Vlaams-Brabant'
  | 'West-Vlaanderen'
  | 'Oost-Vlaanderen'
  | 'Limburg'
  | 'Waals-Brabant'
  | 'Henegouwen'
  | 'Luik'
  | 'Luxemburg'
  | 'Namen'
  | 'Brussel';

export interface Municipality {
  /** 5-digit NIS code (Statbel). */
  readonly nis: string;
  readonly nl: string;
  readonly fr: string;
  readonly postcode: string;
  /** Dutch name of the province; 'Brussel' for the Brussels-Capital Region, which has none. */
  readonly province: Province;
  readonly region: Region;
  /** Population on 1 January 2020. */
  readonly inhabitants: number;
}

// biome-ignore format: one municipality per line keeps the table easy to scan and review
export const MUNICIPALITIES: readonly Municipality[] = [
  { nis: '11002', nl: 'Antwerpen', fr: 'Anvers', postcode: '2000', province: 'Antwerpen', region: 'flanders', inhabitants: 529247 },
  { nis: '11005', nl: 'Boom', fr: 'Boom', postcode: '2850', province: 'Antwerpen', region: 'flanders', inhabitants: 18555 },
  { nis: '11008', nl: 'Brasschaat', fr: 'Brasschaat', postcode: '2930', province: 'Antwerpen', region: 'flanders', inhabitants: 38223 },
  { nis: '11029', nl: 'Mortsel', fr: 'Mortsel', postcode: '2640', province: 'Antwerpen', region: 'flanders', inhabitants: 26157 },
  { nis: '12014', nl: 'Heist-op-den-Berg', fr: 'Heist-op-den-Berg', postcode: '2220', province: 'Antwerpen', region: 'flanders', inhabitants: 42950 },
  { nis: '12021', nl: 'Lier', fr: 'Lierre', postcode: '2500', province: 'Antwerpen', region: 'flanders', inhabitants: 36646 },
  { nis: '12025', nl: 'Mechelen', fr: 'Malines', postcode: '2800', province: 'Antwerpen', region: 'flanders', inhabitants: 86921 },
  { nis: '13002', nl: 'Baarle-Hertog', fr: 'Baerle-Duc', postcode: '2387', province: 'Antwerpen', region: 'flanders', inhabitants: 2865 },
  { nis: '13008', nl: 'Geel', fr: 'Geel', postcode: '2440', province: 'Antwerpen', region: 'flanders', inhabitants: 40709 },
  { nis: '13011', nl: 'Herentals', fr: 'Herentals', postcode: '2200', province: 'Antwerpen', region: 'flanders', inhabitants: 28272 },
  { nis: '13025', nl: 'Mol', fr: 'Mol', postcode: '2400', province: 'Antwerpen', region: 'flanders', inhabitants: 37022 },
  { nis: '13040', nl: 'Turnhout', fr: 'Turnhout', postcode: '2300', province: 'Antwerpen', region: 'flanders', inhabitants: 45280 },
  { nis: '21001', nl: 'Anderlecht', fr: 'Anderlecht', postcode: '1070', province: 'Brussel', region: 'brussels', inhabitants: 120887 },
  { nis: '21002', nl: 'Oudergem', fr: 'Auderghem', postcode: '1160', province: 'Brussel', region: 'brussels', inhabitants: 34404 },
  { nis: '21003', nl: 'Sint-Agatha-Berchem', fr: 'Berchem-Sainte-Agathe', postcode: '1082', province: 'Brussel', region: 'brussels', inhabitants: 25502 },
  { nis: '21004', nl: 'Brussel', fr: 'Bruxelles', postcode: '1000', province: 'Brussel', region: 'brussels', inhabitants: 185103 },
  { nis: '21005', nl: 'Etterbeek', fr: 'Etterbeek', postcode: '1040', province: 'Brussel', region: 'brussels', inhabitants: 48473 },
  { nis: '21006', nl: 'Evere', fr: 'Evere', postcode: '1140', province: 'Brussel', region: 'brussels', inhabitants: 42656 },
  { nis: '21007', nl: 'Vorst', fr: 'Forest', postcode: '1190', province: 'Brussel', region: 'brussels', inhabitants: 56581 },
  { nis: '21008', nl: 'Ganshoren', fr: 'Ganshoren', postcode: '1083', province: 'Brussel', region: 'brussels', inhabitants: 25234 },
  { nis: '21009', nl: 'Elsene', fr: 'Ixelles', postcode: '1050', province: 'Brussel', region: 'brussels', inhabitants: 87632 },
  { nis: '21010', nl: 'Jette', fr: 'Jette', postcode: '1090', province: 'Brussel', region: 'brussels', inhabitants: 52728 },
  { nis: '21011', nl: 'Koekelberg', fr: 'Koekelberg', postcode: '1081', province: 'Brussel', region: 'brussels', inhabitants: 21959 },
  { nis: '21012', nl: 'Sint-Jans-Molenbeek', fr: 'Molenbeek-Saint-Jean', postcode: '1080', province: 'Brussel', region: 'brussels', inhabitants: 97979 },
  { nis: '21013', nl: 'Sint-Gillis', fr: 'Saint-Gilles', postcode: '1060', province: 'Brussel', region: 'brussels', inhabitants: 49678 },
  { nis: '21014', nl: 'Sint-Joost-ten-Node', fr: 'Saint-Josse-ten-Noode', postcode: '1210', province: 'Brussel', region: 'brussels', inhabitants: 27497 },
  { nis: '21015', nl: 'Schaarbeek', fr: 'Schaerbeek', postcode: '1030', province: 'Brussel', region: 'brussels', inhabitants: 132799 },
  { nis: '21016', nl: 'Ukkel', fr: 'Uccle', postcode: '1180', province: 'Brussel', region: 'brussels', inhabitants: 83980 },
  { nis: '21017', nl: 'Watermaal-Bosvoorde', fr: 'Watermael-Boitsfort', postcode: '1170', province: 'Brussel', region: 'brussels', inhabitants: 25332 },
  { nis: '21018', nl: 'Sint-Lambrechts-Woluwe', fr: 'Woluwe-Saint-Lambert', postcode: '1200', province: 'Brussel', region: 'brussels', inhabitants: 57712 },
  { nis: '21019', nl: 'Sint-Pieters-Woluwe', fr: 'Woluwe-Saint-Pierre', postcode: '1150', province: 'Brussel', region: 'brussels', inhabitants: 42119 },
  { nis: '23016', nl: 'Dilbeek', fr: 'Dilbeek', postcode: '1700', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 43423 },
  { nis: '23025', nl: 'Grimbergen', fr: 'Grimbergen', postcode: '1850', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 37972 },
  { nis: '23027', nl: 'Halle', fr: 'Hal', postcode: '1500', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 40182 },
  { nis: '23088', nl: 'Vilvoorde', fr: 'Vilvorde', postcode: '1800', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 45495 },
  { nis: '23094', nl: 'Zaventem', fr: 'Zaventem', postcode: '1930', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 34782 },
  { nis: '23100', nl: 'Linkebeek', fr: 'Linkebeek', postcode: '1630', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 4696 },
  { nis: '24001', nl: 'Aarschot', fr: 'Aarschot', postcode: '3200', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 30183 },
  { nis: '24020', nl: 'Diest', fr: 'Diest', postcode: '3290', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 24234 },
  { nis: '24062', nl: 'Leuven', fr: 'Louvain', postcode: '3000', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 102275 },
  { nis: '24104', nl: 'Tervuren', fr: 'Tervuren', postcode: '3080', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 22708 },
  { nis: '24107', nl: 'Tienen', fr: 'Tirlemont', postcode: '3300', province: 'Vlaams-Brabant', region: 'flanders', inhabitants: 35293 },
  { nis: '25031', nl: 'Genepiën', fr: 'Genappe', postcode: '1470', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 15560 },
  { nis: '25048', nl: 'Geldenaken', fr: 'Jodoigne', postcode: '1370', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 14357 },
  { nis: '25072', nl: 'Nijvel', fr: 'Nivelles', postcode: '1400', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 28883 },
  { nis: '25091', nl: 'Rixensart', fr: 'Rixensart', postcode: '1330', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 22653 },
  { nis: '25105', nl: 'Tubeke', fr: 'Tubize', postcode: '1480', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 26656 },
  { nis: '25110', nl: 'Waterloo', fr: 'Waterloo', postcode: '1410', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 30376 },
  { nis: '25112', nl: 'Waver', fr: 'Wavre', postcode: '1300', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 34748 },
  { nis: '25118', nl: 'Hélécine', fr: 'Hélécine', postcode: '1357', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 3644 },
  { nis: '25121', nl: 'Ottignies-Louvain-la-Neuve', fr: 'Ottignies-Louvain-la-Neuve', postcode: '1340', province: 'Waals-Brabant', region: 'wallonia', inhabitants: 31316 },
  { nis: '31005', nl: 'Brugge', fr: 'Bruges', postcode: '8000', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 118656 },
  { nis: '31043', nl: 'Knokke-Heist', fr: 'Knokke-Heist', postcode: '8300', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 33089 },
  { nis: '32003', nl: 'Diksmuide', fr: 'Dixmude', postcode: '8600', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 16843 },
  { nis: '33011', nl: 'Ieper', fr: 'Ypres', postcode: '8900', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 34995 },
  { nis: '33016', nl: 'Mesen', fr: 'Messines', postcode: '8957', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 1047 },
  { nis: '33021', nl: 'Poperinge', fr: 'Poperinge', postcode: '8970', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 19717 },
  { nis: '34022', nl: 'Kortrijk', fr: 'Courtrai', postcode: '8500', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 77109 },
  { nis: '34027', nl: 'Menen', fr: 'Menin', postcode: '8930', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 33540 },
  { nis: '34040', nl: 'Waregem', fr: 'Waregem', postcode: '8790', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 38350 },
  { nis: '35013', nl: 'Oostende', fr: 'Ostende', postcode: '8400', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 71647 },
  { nis: '36015', nl: 'Roeselare', fr: 'Roulers', postcode: '8800', province: 'West-Vlaanderen', region: 'flanders', inhabitants: 63478 },
  { nis: '41002', nl: 'Aalst', fr: 'Alost', postcode: '9300', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 87332 },
  { nis: '41018', nl: 'Geraardsbergen', fr: 'Grammont', postcode: '9500', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 33649 },
  { nis: '42006', nl: 'Dendermonde', fr: 'Termonde', postcode: '9200', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 45870 },
  { nis: '43005', nl: 'Eeklo', fr: 'Eeklo', postcode: '9900', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 21285 },
  { nis: '44021', nl: 'Gent', fr: 'Gand', postcode: '9000', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 263927 },
  { nis: '44073', nl: 'Wachtebeke', fr: 'Wachtebeke', postcode: '9185', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 7809 },
  { nis: '44083', nl: 'Deinze', fr: 'Deinze', postcode: '9800', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 43580 },
  { nis: '45035', nl: 'Oudenaarde', fr: 'Audenarde', postcode: '9700', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 31612 },
  { nis: '45041', nl: 'Ronse', fr: 'Renaix', postcode: '9600', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 26374 },
  { nis: '46014', nl: 'Lokeren', fr: 'Lokeren', postcode: '9160', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 42044 },
  { nis: '46021', nl: 'Sint-Niklaas', fr: 'Saint-Nicolas', postcode: '9100', province: 'Oost-Vlaanderen', region: 'flanders', inhabitants: 78531 },
  { nis: '51004', nl: 'Aat', fr: 'Ath', postcode: '7800', province: 'Henegouwen', region: 'wallonia', inhabitants: 29494 },
  { nis: '51067', nl: 'Edingen', fr: 'Enghien', postcode: '7850', province: 'Henegouwen', region: 'wallonia', inhabitants: 14061 },
  { nis: '52011', nl: 'Charleroi', fr: 'Charleroi', postcode: '6000', province: 'Henegouwen', region: 'wallonia', inhabitants: 202746 },
  { nis: '53053', nl: 'Bergen', fr: 'Mons', postcode: '7000', province: 'Henegouwen', region: 'wallonia', inhabitants: 95887 },
  { nis: '55040', nl: 'Zinnik', fr: 'Soignies', postcode: '7060', province: 'Henegouwen', region: 'wallonia', inhabitants: 28271 },
  { nis: '56016', nl: 'Chimay', fr: 'Chimay', postcode: '6460', province: 'Henegouwen', region: 'wallonia', inhabitants: 9726 },
  { nis: '57081', nl: 'Doornik', fr: 'Tournai', postcode: '7500', province: 'Henegouwen', region: 'wallonia', inhabitants: 69083 },
  { nis: '57096', nl: 'Moeskroen', fr: 'Mouscron', postcode: '7700', province: 'Henegouwen', region: 'wallonia', inhabitants: 58767 },
  { nis: '57097', nl: 'Komen-Waasten', fr: 'Comines-Warneton', postcode: '7780', province: 'Henegouwen', region: 'wallonia', inhabitants: 18058 },
  { nis: '58001', nl: 'La Louvière', fr: 'La Louvière', postcode: '7100', province: 'Henegouwen', region: 'wallonia', inhabitants: 81138 },
  { nis: '58002', nl: 'Binche', fr: 'Binche', postcode: '7130', province: 'Henegouwen', region: 'wallonia', inhabitants: 33448 },
  { nis: '61031', nl: 'Hoei', fr: 'Huy', postcode: '4500', province: 'Luik', region: 'wallonia', inhabitants: 21238 },
  { nis: '62051', nl: 'Herstal', fr: 'Herstal', postcode: '4040', province: 'Luik', region: 'wallonia', inhabitants: 40190 },
  { nis: '62063', nl: 'Luik', fr: 'Liège', postcode: '4000', province: 'Luik', region: 'wallonia', inhabitants: 197217 },
  { nis: '62096', nl: 'Seraing', fr: 'Seraing', postcode: '4100', province: 'Luik', region: 'wallonia', inhabitants: 64192 },
  { nis: '62108', nl: 'Wezet', fr: 'Visé', postcode: '4600', province: 'Luik', region: 'wallonia', inhabitants: 17926 },
  { nis: '63012', nl: 'Büllingen', fr: 'Bullange', postcode: '4760', province: 'Luik', region: 'wallonia', inhabitants: 5456 },
  { nis: '63023', nl: 'Eupen', fr: 'Eupen', postcode: '4700', province: 'Luik', region: 'wallonia', inhabitants: 19762 },
  { nis: '63040', nl: 'Kelmis', fr: 'La Calamine', postcode: '4720', province: 'Luik', region: 'wallonia', inhabitants: 11212 },
  { nis: '63049', nl: 'Malmedy', fr: 'Malmedy', postcode: '4960', province: 'Luik', region: 'wallonia', inhabitants: 12797 },
  { nis: '63061', nl: 'Raeren', fr: 'Raeren', postcode: '4730', province: 'Luik', region: 'wallonia', inhabitants: 10818 },
  { nis: '63067', nl: 'Sankt Vith', fr: 'Saint-Vith', postcode: '4780', province: 'Luik', region: 'wallonia', inhabitants: 9779 },
  { nis: '63072', nl: 'Spa', fr: 'Spa', postcode: '4900', province: 'Luik', region: 'wallonia', inhabitants: 10149 },
  { nis: '63079', nl: 'Verviers', fr: 'Verviers', postcode: '4800', province: 'Luik', region: 'wallonia', inhabitants: 55290 },
  { nis: '64074', nl: 'Borgworm', fr: 'Waremme', postcode: '4300', province: 'Luik', region: 'wallonia', inhabitants: 15444 },
  { nis: '71004', nl: 'Beringen', fr: 'Beringen', postcode: '3580', province: 'Limburg', region: 'flanders', inhabitants: 46598 },
  { nis: '71016', nl: 'Genk', fr: 'Genk', postcode: '3600', province: 'Limburg', region: 'flanders', inhabitants: 66447 },
  { nis: '71022', nl: 'Hasselt', fr: 'Hasselt', postcode: '3500', province: 'Limburg', region: 'flanders', inhabitants: 78714 },
  { nis: '71053', nl: 'Sint-Truiden', fr: 'Saint-Trond', postcode: '3800', province: 'Limburg', region: 'flanders', inhabitants: 40672 },
  { nis: '72020', nl: 'Lommel', fr: 'Lommel', postcode: '3920', province: 'Limburg', region: 'flanders', inhabitants: 34245 },
  { nis: '73006', nl: 'Bilzen', fr: 'Bilzen', postcode: '3740', province: 'Limburg', region: 'flanders', inhabitants: 32477 },
  { nis: '73028', nl: 'Herstappe', fr: 'Herstappe', postcode: '3717', province: 'Limburg', region: 'flanders', inhabitants: 79 },
  { nis: '73083', nl: 'Tongeren', fr: 'Tongres', postcode: '3700', province: 'Limburg', region: 'flanders', inhabitants: 31142 },
  { nis: '73107', nl: 'Maasmechelen', fr: 'Maasmechelen', postcode: '3630', province: 'Limburg', region: 'flanders', inhabitants: 38933 },
  { nis: '73109', nl: 'Voeren', fr: 'Fourons', postcode: '3790', province: 'Limburg', region: 'flanders', inhabitants: 4175 },
  { nis: '81001', nl: 'Aarlen', fr: 'Arlon', postcode: '6700', province: 'Luxemburg', region: 'wallonia', inhabitants: 30081 },
  { nis: '82003', nl: 'Bastenaken', fr: 'Bastogne', postcode: '6600', province: 'Luxemburg', region: 'wallonia', inhabitants: 16276 },
  { nis: '83012', nl: 'Durbuy', fr: 'Durbuy', postcode: '6940', province: 'Luxemburg', region: 'wallonia', inhabitants: 11458 },
  { nis: '83034', nl: 'Marche-en-Famenne', fr: 'Marche-en-Famenne', postcode: '6900', province: 'Luxemburg', region: 'wallonia', inhabitants: 17591 },
  { nis: '84010', nl: 'Bouillon', fr: 'Bouillon', postcode: '6830', province: 'Luxemburg', region: 'wallonia', inhabitants: 5427 },
  { nis: '84016', nl: 'Daverdisse', fr: 'Daverdisse', postcode: '6929', province: 'Luxemburg', region: 'wallonia', inhabitants: 1382 },
  { nis: '84077', nl: 'Libramont-Chevigny', fr: 'Libramont-Chevigny', postcode: '6800', province: 'Luxemburg', region: 'wallonia', inhabitants: 11320 },
  { nis: '85045', nl: 'Virton', fr: 'Virton', postcode: '6760', province: 'Luxemburg', region: 'wallonia', inhabitants: 11341 },
  { nis: '91030', nl: 'Ciney', fr: 'Ciney', postcode: '5590', province: 'Namen', region: 'wallonia', inhabitants: 16706 },
  { nis: '91034', nl: 'Dinant', fr: 'Dinant', postcode: '5500', province: 'Namen', region: 'wallonia', inhabitants: 13374 },
  { nis: '91114', nl: 'Rochefort', fr: 'Rochefort', postcode: '5580', province: 'Namen', region: 'wallonia', inhabitants: 12571 },
  { nis: '92003', nl: 'Andenne', fr: 'Andenne', postcode: '5300', province: 'Namen', region: 'wallonia', inhabitants: 27573 },
  { nis: '92094', nl: 'Namen', fr: 'Namur', postcode: '5000', province: 'Namen', region: 'wallonia', inhabitants: 111432 },
  { nis: '92137', nl: 'Sambreville', fr: 'Sambreville', postcode: '5060', province: 'Namen', region: 'wallonia', inhabitants: 28372 },
  { nis: '92142', nl: 'Gembloux', fr: 'Gembloux', postcode: '5030', province: 'Namen', region: 'wallonia', inhabitants: 26141 },
  { nis: '93014', nl: 'Couvin', fr: 'Couvin', postcode: '5660', province: 'Namen', region: 'wallonia', inhabitants: 13838 },
  { nis: '93056', nl: 'Philippeville', fr: 'Philippeville', postcode: '5600', province: 'Namen', region: 'wallonia', inhabitants: 9201 },
];

const BY_NIS: ReadonlyMap<string, Municipality> = new Map(MUNICIPALITIES.map((m) => [m.nis, m]));

/**
 * Looks a municipality up by its 5-digit NIS code.
 *
 * @example
 * municipalityByNis('73028')?.nl; // 'Herstappe'
 * municipalityByNis('99999'); // undefined
 */
export function municipalityByNis(nis: string): Municipality | undefined {
  return BY_NIS.get(nis);
}

export const MUNICIPALITIES_BY_REGION: Readonly<Record<Region, readonly Municipality[]>> = {
  flanders: MUNICIPALITIES.filter((m) => m.region === 'flanders'),
  wallonia: MUNICIPALITIES.filter((m) => m.region === 'wallonia'),
  brussels: MUNICIPALITIES.filter((m) => m.region === 'brussels'),
};
