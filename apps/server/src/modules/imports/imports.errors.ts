import { defineErrors } from '../../platform/errors.ts';

/** Request-level errors. */
export const ImportErrors = defineErrors({
  IMPORT_HAS_ERRORS: {
    status: 422,
    'zh-CN': '导入文件有 {count} 处错误，未导入任何数据',
    'en-US': 'The file has {count} error(s); nothing was imported',
  },
  IMPORT_JOB_TAKEN: {
    status: 409,
    'zh-CN': '导入任务编号 {jobId} 已被使用，请重新开始',
    'en-US': 'Import job id {jobId} is already in use; start again',
  },
  IMPORT_JOB_UNKNOWN: {
    status: 404,
    'zh-CN': '没有编号为 {jobId} 的导入任务',
    'en-US': 'No import job {jobId}',
  },
  IMPORT_NO_FILE: {
    status: 400,
    'zh-CN': '请以 multipart/form-data 上传文件，字段名为 file',
    'en-US': 'Upload the file as multipart/form-data in the field "file"',
  },
  IMPORT_UNSUPPORTED_FILE: {
    status: 415,
    'zh-CN': '不支持的文件类型，请上传 CSV 或 Excel（.xlsx）文件',
    'en-US': 'Unsupported file type; upload a CSV or Excel (.xlsx) file',
  },
  IMPORT_UNREADABLE_FILE: {
    status: 400,
    'zh-CN': '无法读取文件，请确认它是有效的 CSV 或 Excel（.xlsx）文件',
    'en-US': 'The file could not be read; check that it is a valid CSV or Excel (.xlsx) file',
  },
  IMPORT_EMPTY_FILE: {
    status: 400,
    'zh-CN': '文件中没有数据行（第 1 行为表头）',
    'en-US': 'The file has no data rows (row 1 is the header)',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    'zh-CN': '每个文件最多 {max} 行数据，请拆分后再导入',
    'en-US': 'A file may hold at most {max} data rows; split it and import the parts',
  },
});

/** Row-level codes: reported in the error list, never thrown on their own. */
export const ImportRowErrors = defineErrors({
  IMPORT_MISSING_COLUMN: {
    status: 422,
    'zh-CN': '缺少必填列「{column}」',
    'en-US': 'Required column "{column}" is missing',
  },
  IMPORT_UNKNOWN_COLUMN: {
    status: 422,
    'zh-CN': '无法识别的列「{column}」，请使用导入模板中的列名',
    'en-US': 'Unknown column "{column}"; use the column names of the import template',
  },
  IMPORT_DUPLICATE_COLUMN: { status: 422, 'zh-CN': '列「{column}」重复', 'en-US': 'Column "{column}" appears twice' },
  IMPORT_REQUIRED: { status: 422, 'zh-CN': '必填项不能为空', 'en-US': 'This value is required' },
  IMPORT_INVALID_VALUE: {
    status: 422,
    'zh-CN': '「{value}」无效：{reason}',
    'en-US': '"{value}" is not valid: {reason}',
  },
  IMPORT_INVALID_OPTION: {
    status: 422,
    'zh-CN': '「{value}」无效，可选值：{options}',
    'en-US': '"{value}" is not valid; choose one of: {options}',
  },
  IMPORT_INVALID_NUMBER: { status: 422, 'zh-CN': '「{value}」不是数字', 'en-US': '"{value}" is not a number' },
  IMPORT_INVALID_DATE: {
    status: 422,
    'zh-CN': '「{value}」不是有效日期，请写成 2027-12-31',
    'en-US': '"{value}" is not a valid date; write it as 2027-12-31',
  },
  IMPORT_INVALID_PAIR: {
    status: 422,
    'zh-CN': '「{value}」应写成 品类:服务类型，例如 air_conditioner:repair',
    'en-US': '"{value}" must be category:service type, e.g. air_conditioner:repair',
  },
  IMPORT_CELL_ERROR: {
    status: 422,
    'zh-CN': '单元格的值是错误 {value}',
    'en-US': 'The cell holds the error {value}',
  },
  IMPORT_FORMULA_NO_VALUE: {
    status: 422,
    'zh-CN': '公式单元格没有计算结果，请在 Excel 中打开并保存后再导入',
    'en-US': 'The formula cell has no computed value; open and save the file in Excel, then import again',
  },
  IMPORT_UNKNOWN_BRAND: {
    status: 422,
    'zh-CN': '品牌编码「{value}」不存在或不在您的管理范围内',
    'en-US': 'Brand code "{value}" does not exist or is not yours to manage',
  },
  IMPORT_UNKNOWN_REGION: {
    status: 422,
    'zh-CN': '品牌 {brand} 下没有大区编码「{value}」',
    'en-US': 'Brand {brand} has no region with code "{value}"',
  },
  IMPORT_UNKNOWN_CENTER: {
    status: 422,
    'zh-CN': '品牌 {brand} 下没有服务管理中心编码「{value}」',
    'en-US': 'Brand {brand} has no service management center with code "{value}"',
  },
  IMPORT_UNKNOWN_OUTLET: {
    status: 422,
    'zh-CN': '网点编码「{value}」不存在或不在您的管理范围内',
    'en-US': 'Outlet code "{value}" does not exist or is not yours to manage',
  },
  IMPORT_UNKNOWN_DIVISION: {
    status: 422,
    'zh-CN': '行政区划代码「{value}」不存在',
    'en-US': 'Division code "{value}" does not exist',
  },
  IMPORT_UNKNOWN_CATEGORY: {
    status: 422,
    'zh-CN': '品类「{value}」不属于相关品牌',
    'en-US': 'Category "{value}" does not belong to the brands concerned',
  },
  IMPORT_UNKNOWN_MODEL: {
    status: 422,
    'zh-CN': '品牌 {brand} 下没有型号编码「{value}」',
    'en-US': 'Brand {brand} has no model with code "{value}"',
  },
  IMPORT_INVALID_PRICE: {
    status: 422,
    'zh-CN': '「{value}」不是有效金额：请填写以元为单位、最多两位小数的非负数，例如 128.50',
    'en-US': '"{value}" is not a valid amount: write yuan with at most two decimals, e.g. 128.50',
  },
  IMPORT_INVALID_SPEC: {
    status: 422,
    'zh-CN': '「{value}」应写成 参数:值，例如 容量:1.5匹',
    'en-US': '"{value}" must be name:value, e.g. capacity:1.5HP',
  },
  IMPORT_DUPLICATE_IN_FILE: {
    status: 422,
    'zh-CN': '编码「{value}」与第 {row} 行重复',
    'en-US': 'Code "{value}" repeats row {row}',
  },
  IMPORT_DUPLICATE_VALUE: {
    status: 422,
    'zh-CN': '「{value}」与第 {row} 行重复',
    'en-US': '"{value}" repeats row {row}',
  },
  IMPORT_INVALID_PHONE: {
    status: 422,
    'zh-CN': '「{value}」不是有效的手机号或带区号的固定电话',
    'en-US': '"{value}" is not a valid mobile number or landline with area code',
  },
  IMPORT_ADDRESS_INCOMPLETE: {
    status: 422,
    'zh-CN': '行政区划代码和详细地址需同时填写',
    'en-US': 'Give both the division code and the address detail',
  },
  IMPORT_SERIAL_OR_ORDER: {
    status: 422,
    'zh-CN': '请填写机身条码，或外部订单号和订单行号',
    'en-US': 'Give the serial, or the external order no and line no',
  },
  IMPORT_CODE_EXISTS: {
    status: 422,
    'zh-CN': '编码「{value}」已存在',
    'en-US': 'Code "{value}" already exists',
  },
  IMPORT_CANNOT_MOVE: {
    status: 422,
    'zh-CN': '「{value}」已存在，但「{column}」与现有记录不同；导入不能移动已有记录',
    'en-US': '"{value}" exists with a different "{column}"; an import cannot move an existing record',
  },
  IMPORT_ROW_FAILED: { status: 422, 'zh-CN': '写入失败：{reason}', 'en-US': 'Could not be written: {reason}' },
  IMPORT_ROW_FAILED_UNKNOWN: {
    status: 422,
    'zh-CN': '写入失败，本文件的数据均未导入',
    'en-US': 'Could not be written; nothing from this file was imported',
  },
});
