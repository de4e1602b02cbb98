/** Stands for the access date in a rendered citation until the page's script writes the reader's own. */
export const ACCESS_DATE_SLOT = '{访问日期}';
