/** Deterministic LinkedIn exports of any size, for crash, fuzz and bench runs. */
const first = [
  'Ana',
  'Kwame',
  'Mei',
  'Priya',
  'José',
  'Lena',
  'Søren',
  'Omar',
  'Grace',
  'Chidi',
  'Yuki',
  'Fatima',
];
const last = [
  'Souza',
  'Mensah',
  'Lin',
  'Raman',
  'García',
  'Fischer',
  'Ødegård',
  'Haddad',
  'Hopper',
  'Okafor',
];
const companies = [
  'Northwind Traders',
  'Contoso, Ltd.',
  'Fabrikam',
  'Tailspin Toys',
  'Litware Inc.',
  'Adventure Works',
];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const linkedInPreamble =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n';

/** Row i is the same person in every export; `companyShift` moves everyone whose i % 10 < shift to a new job. */
export function linkedInCsv(count: number, offset = 0, companyShift = 0): string {
  const rows = [`${linkedInPreamble}First Name,Last Name,URL,Email Address,Company,Position,Connected On`];
  for (let n = offset; n < offset + count; n++) {
    const company = companies[(n + (n % 10 < companyShift ? 1 : 0)) % companies.length];
    const email = n % 3 === 0 ? `person${n}@example.org` : '';
    rows.push(
      `${first[n % first.length]},${last[n % last.length]} ${n},https://www.linkedin.com/in/person-${n},${email},"${company}",Engineer ${n % 7},${(n % 28) + 1} ${months[n % 12]} ${2010 + (n % 15)}`,
    );
  }
  return `${rows.join('\n')}\n`;
}
