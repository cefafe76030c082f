/**
 * The normalised specialty vocabulary. Listings, searches and subscriptions
 * store the canonical `id`; members may type the label, the id or any alias
 * (case, spacing and punctuation do not matter, British spellings fold to
 * American ones).
 */
export interface SpecialtyDef {
  /** Canonical, url-safe id stored on listings (`internal-medicine`). */
  readonly id: string;
  /** Display name (`Internal Medicine`). */
  readonly label: string;
  /** What members actually type: abbreviations, slang, British spellings. */
  readonly aliases: readonly string[];
  /**
   * Aliases that are also everyday words or chat shorthand (`im` as in "I'm",
   * `er`, `path`). They still resolve through {@link normaliseSpecialty}, but
   * bare-word parsing accepts them only when typed in capitals (`IM`, `ER`).
   * Each must also appear in `aliases`.
   */
  readonly capsOnly?: readonly string[];
}

/** Every specialty members can search, post and subscribe to (data: edit here to add one). */
export const SPECIALTIES: readonly SpecialtyDef[] = [
  {
    id: 'internal-medicine',
    label: 'Internal Medicine',
    aliases: [
      'im',
      'internal med',
      'int med',
      'medicine',
      'general medicine',
      'gen med',
      'general internal medicine',
      'gim',
      'adult medicine',
      'hospital medicine',
      'hospitalist',
    ],
    capsOnly: ['im'],
  },
  {
    id: 'family-medicine',
    label: 'Family Medicine',
    aliases: ['fm', 'fam med', 'family med', 'family practice', 'general practice', 'gp', 'family physician'],
  },
  {
    id: 'primary-care',
    label: 'Primary Care',
    aliases: [
      'pcp',
      'primary care medicine',
      'primary health care',
      'primary healthcare',
      'outpatient primary care',
    ],
  },
  {
    id: 'pediatrics',
    label: 'Pediatrics',
    aliases: [
      'peds',
      'paeds',
      'paediatrics',
      'pediatric',
      'paediatric',
      'child health',
      'pediatric medicine',
    ],
  },
  {
    id: 'neonatology',
    label: 'Neonatology',
    aliases: [
      'nicu',
      'neonatal',
      'neonatal perinatal medicine',
      'neonatal-perinatal medicine',
      'neonatal medicine',
    ],
  },
  {
    id: 'psychiatry',
    label: 'Psychiatry',
    aliases: ['psych', 'psy', 'psychiatric', 'mental health', 'adult psychiatry'],
  },
  {
    id: 'obstetrics-gynecology',
    label: 'Obstetrics & Gynecology',
    aliases: [
      'ob/gyn',
      'obgyn',
      'ob-gyn',
      'obs/gyn',
      'obs & gynae',
      'obs/gynae',
      'o&g',
      'obstetrics',
      'gynecology',
      'gynaecology',
      'obstetrics and gynaecology',
      'gyn',
      'gyne',
      'gynae',
      "women's health",
      'maternal fetal medicine',
    ],
  },
  {
    id: 'neurology',
    label: 'Neurology',
    aliases: ['neuro', 'neurological', 'adult neurology', 'neuro medicine'],
  },
  {
    id: 'general-surgery',
    label: 'General Surgery',
    aliases: ['gen surg', 'general surg', 'surgery', 'surg', 'surgical'],
  },
  {
    id: 'neurosurgery',
    label: 'Neurosurgery',
    aliases: ['neurosurg', 'nsgy', 'nsurg', 'neurological surgery'],
  },
  {
    id: 'orthopedics',
    label: 'Orthopedics',
    aliases: [
      'ortho',
      'orthopedic',
      'orthopaedic',
      'orthopaedics',
      'orthopedic surgery',
      'orthopaedic surgery',
      'ortho surg',
    ],
  },
  {
    id: 'cardiothoracic-surgery',
    label: 'Cardiothoracic Surgery',
    aliases: ['cardiothoracic', 'ct surgery', 'ct surg', 'cts', 'thoracic surgery', 'cardiac surgery'],
  },
  {
    id: 'vascular-surgery',
    label: 'Vascular Surgery',
    aliases: ['vascular', 'vasc surg', 'vascular surg'],
  },
  {
    id: 'plastic-surgery',
    label: 'Plastic Surgery',
    aliases: ['plastics', 'plastic surg', 'plastic and reconstructive surgery', 'reconstructive surgery'],
  },
  {
    id: 'urology',
    label: 'Urology',
    aliases: ['uro', 'urologic surgery', 'urological surgery'],
  },
  {
    id: 'otolaryngology',
    label: 'Otolaryngology (ENT)',
    aliases: [
      'ent',
      'ear nose and throat',
      'ear nose throat',
      'otorhinolaryngology',
      'oto',
      'head and neck surgery',
      'otolaryngology head and neck surgery',
    ],
  },
  {
    id: 'emergency-medicine',
    label: 'Emergency Medicine',
    aliases: [
      'em',
      'er',
      'ed',
      'emergency',
      'emergency med',
      'emergency department',
      'emergency room',
      'a&e',
      'accident and emergency',
    ],
    capsOnly: ['em', 'er', 'ed'],
  },
  {
    id: 'cardiology',
    label: 'Cardiology',
    aliases: [
      'cards',
      'cardio',
      'cardiovascular',
      'cardiovascular disease',
      'cardiovascular medicine',
      'interventional cardiology',
      'heart',
    ],
  },
  {
    id: 'hematology-oncology',
    label: 'Hematology/Oncology',
    aliases: [
      'oncology',
      'onc',
      'heme/onc',
      'hem/onc',
      'heme-onc',
      'heme onc',
      'haem/onc',
      'hematology',
      'haematology',
      'haematology oncology',
      'heme',
      'medical oncology',
    ],
  },
  {
    id: 'radiation-oncology',
    label: 'Radiation Oncology',
    aliases: ['rad onc', 'radonc', 'rad-onc', 'radiotherapy'],
  },
  {
    id: 'gastroenterology',
    label: 'Gastroenterology',
    aliases: ['gi', 'gastro', 'hepatology', 'gastroenterology and hepatology', 'gi medicine'],
  },
  {
    id: 'pulmonary-critical-care',
    label: 'Pulmonary & Critical Care',
    aliases: [
      'pulm',
      'pulmonology',
      'pulmonary',
      'pulmonary medicine',
      'pccm',
      'pulm/cc',
      'pulm/ccm',
      'pulm crit',
      'critical care',
      'critical care medicine',
      'ccm',
      'icu',
      'intensive care',
      'respiratory medicine',
      'chest medicine',
    ],
  },
  {
    id: 'nephrology',
    label: 'Nephrology',
    aliases: ['nephro', 'neph', 'renal', 'renal medicine'],
  },
  {
    id: 'endocrinology',
    label: 'Endocrinology',
    aliases: ['endo', 'endocrine', 'diabetes', 'endocrinology diabetes and metabolism'],
  },
  {
    id: 'infectious-disease',
    label: 'Infectious Disease',
    aliases: ['id', 'infectious diseases', 'inf dis', 'infectious'],
    capsOnly: ['id'],
  },
  {
    id: 'rheumatology',
    label: 'Rheumatology',
    aliases: ['rheum', 'rheumo', 'rheumatologic'],
  },
  {
    id: 'allergy-immunology',
    label: 'Allergy & Immunology',
    aliases: ['allergy', 'immunology', 'allergy/immunology', 'clinical immunology'],
  },
  {
    id: 'geriatrics',
    label: 'Geriatrics',
    aliases: ['geri', 'geriatric medicine', 'geriatric', 'care of the elderly', 'elderly care'],
  },
  {
    id: 'palliative-care',
    label: 'Palliative Care',
    aliases: ['palliative', 'palliative medicine', 'hospice', 'hospice and palliative medicine', 'hpm'],
  },
  {
    id: 'sleep-medicine',
    label: 'Sleep Medicine',
    aliases: ['sleep med'],
  },
  {
    id: 'physical-medicine-rehabilitation',
    label: 'Physical Medicine & Rehabilitation',
    aliases: [
      'pm&r',
      'pmnr',
      'physiatry',
      'rehab',
      'rehabilitation',
      'rehabilitation medicine',
      'physical medicine',
    ],
  },
  {
    id: 'preventive-medicine',
    label: 'Preventive Medicine & Public Health',
    aliases: [
      'public health',
      'preventive med',
      'prev med',
      'preventative medicine',
      'community medicine',
      'psm',
      'social and preventive medicine',
      'spm',
      'occupational medicine',
      'occ med',
      'population health',
    ],
  },
  {
    id: 'radiology',
    label: 'Radiology',
    aliases: ['rads', 'diagnostic radiology', 'imaging', 'interventional radiology', 'radiologic'],
  },
  {
    id: 'anesthesiology',
    label: 'Anesthesiology',
    aliases: ['anesthesia', 'anaesthesia', 'anaesthesiology', 'anaesthetics', 'anesthetics', 'gas'],
    capsOnly: ['gas'],
  },
  {
    id: 'pathology',
    label: 'Pathology',
    aliases: ['path', 'anatomic pathology', 'clinical pathology', 'ap/cp', 'histopathology'],
    capsOnly: ['path'],
  },
  {
    id: 'dermatology',
    label: 'Dermatology',
    aliases: ['derm', 'derma', 'dermatologic'],
  },
  {
    id: 'ophthalmology',
    label: 'Ophthalmology',
    aliases: ['ophtho', 'ophth', 'optho', 'opthalmology', 'opthamology', 'eye surgery'],
  },
];
