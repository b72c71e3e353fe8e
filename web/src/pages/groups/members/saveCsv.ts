/** Saves CSV text built in the browser as a file download (UTF-8). */
export function saveCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; free the object URL after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
